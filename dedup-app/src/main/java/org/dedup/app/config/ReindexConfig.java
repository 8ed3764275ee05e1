package org.dedup.app.config;

import org.dedup.core.index.ReindexPace;

/**
 * The {@code reindex} section: the share of the time the background reindex of a tenant's leads for a method it
 * enabled may work ({@code timeShare}, after each page it pauses the rest), so that enabling a method on a large tenant
 * leaves its arrivals the cores and connections they need.
 */
public record ReindexConfig(Double timeShare) {
    private static final double MIN_SHARE = 0.01;

    public ReindexConfig {
        timeShare = timeShare == null ? ReindexPace.DEFAULT.timeShare() : timeShare;
        if (!(timeShare >= MIN_SHARE && timeShare <= 1)) {
            throw new ConfigException("reindex.timeShare", "must be between 0.01 and 1 (the whole time), was "
                    + timeShare);
        }
    }

    public static ReindexConfig defaults() {
        return new ReindexConfig(null);
    }

    public ReindexPace pace() {
        return new ReindexPace(timeShare);
    }
}
