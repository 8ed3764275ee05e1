package org.dedup.core.index;

import java.time.Duration;

/**
 * How much of the time the background reindex may work: after a page that took {@code worked} it pauses for
 * {@code worked * (1 - timeShare) / timeShare}, so the reindex of a large tenant takes at most that share of a core
 * and of a database connection, and the tenant's arrivals are never left waiting behind page after page. A share of
 * 1 indexes page after page with no pause.
 */
public record ReindexPace(double timeShare) {
    /** A quarter of the time: a reindex of 1,000,000 leads then takes four times as long as back to back. */
    public static final ReindexPace DEFAULT = new ReindexPace(0.25);

    public ReindexPace {
        if (!(timeShare > 0 && timeShare <= 1)) {
            throw new IllegalArgumentException("the reindex's time share must be more than 0 and at most 1, was "
                    + timeShare);
        }
    }

    /** The pause after a page that took {@code worked}. */
    public Duration pauseAfter(Duration worked) {
        return Duration.ofNanos(Math.round(worked.toNanos() * (1 - timeShare) / timeShare));
    }
}
