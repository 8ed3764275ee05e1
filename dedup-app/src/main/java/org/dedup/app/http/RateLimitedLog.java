package org.dedup.app.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * Repeated failures logged at WARN at most once per {@code interval} per kind of failure (its class), with how many
 * were left out since; never their message, which may hold the personal data they failed on (DEBUG has it).
 */
final class RateLimitedLog {
    private final Logger log;
    private final Clock clock;
    private final Duration interval;
    private final Map<Class<?>, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        private Instant opened = Instant.MIN;
        private final AtomicLong suppressed = new AtomicLong();
    }

    RateLimitedLog(Logger log, Clock clock, Duration interval) {
        this.log = log;
        this.clock = clock;
        this.interval = interval;
    }

    void warn(String what, Throwable failure) {
        Window window = windows.computeIfAbsent(failure.getClass(), c -> new Window());
        Instant now = clock.instant();
        long left;
        synchronized (window) {
            if (now.isBefore(window.opened.plus(interval))) {
                window.suppressed.incrementAndGet();
                return;
            }
            window.opened = now;
            left = window.suppressed.getAndSet(0);
        }
        log.warn("{}: {}{}", what, failure.getClass().getSimpleName(),
                left == 0 ? "" : " (" + left + " more like it in the last " + interval.toSeconds() + " s not logged)");
    }
}
