package org.dedup.matchers.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.dedup.domain.settings.MatchMethod;

/**
 * When a failing matcher is worth a WARN: its first failure, then at most once per interval, with how many failures
 * went unlogged since. A matcher that fails on every lead (BIG DATA while its model is unavailable) then costs the log
 * a line a minute, not one per lead.
 */
final class FailureWarnings {
    private final long intervalNanos;
    private final Map<MatchMethod, Window> windows = new ConcurrentHashMap<>();

    private record Window(long warnedAtNanos, long unlogged) {
    }

    FailureWarnings(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Whether the failure of {@code method} at {@code nowNanos} is to be logged at WARN: if so, how many of its
     * failures were not logged since the last warning; if not, empty (it is counted).
     */
    OptionalLong warn(MatchMethod method, long nowNanos) {
        long[] unlogged = {-1};
        windows.compute(method, (m, window) -> {
            if (window == null || nowNanos - window.warnedAtNanos() >= intervalNanos) {
                unlogged[0] = window == null ? 0 : window.unlogged();
                return new Window(nowNanos, 0);
            }
            return new Window(window.warnedAtNanos(), window.unlogged() + 1);
        });
        return unlogged[0] < 0 ? OptionalLong.empty() : OptionalLong.of(unlogged[0]);
    }
}
