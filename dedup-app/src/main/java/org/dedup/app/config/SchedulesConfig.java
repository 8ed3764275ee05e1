package org.dedup.app.config;

/**
 * The {@code schedules} section: how often a server looks for due scheduled scans ({@code pollingIntervalMillis},
 * a run starts at most that long after its due time) and how many it runs at once ({@code threads}).
 */
public record SchedulesConfig(Integer pollingIntervalMillis, Integer threads) {
    public SchedulesConfig {
        pollingIntervalMillis = pollingIntervalMillis == null ? 10_000 : pollingIntervalMillis;
        threads = threads == null ? 2 : threads;
        if (pollingIntervalMillis < 100 || pollingIntervalMillis > 3_600_000) {
            throw new ConfigException("schedules.pollingIntervalMillis", "must be between 100 and 3600000 (an hour), "
                    + "was " + pollingIntervalMillis);
        }
        if (threads < 1 || threads > 64) {
            throw new ConfigException("schedules.threads", "must be between 1 and 64, was " + threads);
        }
    }

    public static SchedulesConfig defaults() {
        return new SchedulesConfig(null, null);
    }
}
