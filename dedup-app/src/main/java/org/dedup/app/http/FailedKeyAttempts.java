package org.dedup.app.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Wrong API keys per client address: a client that sent {@code allowed} wrong keys within {@code window} is refused
 * (429) until the oldest of them is older than the window, whatever key it sends meanwhile, so that guessing stays
 * slow. At most {@code MAX_CLIENTS} addresses are remembered (the least recently failing forgotten first), so a flood
 * from many addresses cannot fill the heap.
 */
final class FailedKeyAttempts {
    private static final int MAX_CLIENTS = 10_000;
    private final Clock clock;
    private final int allowed;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    FailedKeyAttempts(Clock clock, int allowed, Duration window) {
        this.clock = clock;
        this.allowed = allowed;
        this.window = window;
    }

    /** How long {@code client} must wait before its next key is looked at; empty when it may try now. */
    synchronized Optional<Duration> wait(String client) {
        Deque<Instant> recent = failures.get(client);
        if (recent == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(now)) {
            recent.pollFirst();
        }
        if (recent.isEmpty()) {
            failures.remove(client);
            return Optional.empty();
        }
        return recent.size() >= allowed ? Optional.of(Duration.between(now, recent.peekFirst().plus(window)))
                : Optional.empty();
    }

    synchronized void failed(String client) {
        Deque<Instant> recent = failures.computeIfAbsent(client, c -> new ArrayDeque<>());
        recent.addLast(clock.instant());
        while (recent.size() > allowed) {
            recent.pollFirst();
        }
    }
}
