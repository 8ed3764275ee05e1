package org.dedup.app.config;

import java.time.Duration;

/**
 * The {@code schedules} section: how often a server looks for due scheduled scans ({@code pollingIntervalMillis},
 * a run starts at most that long after its due time), how many it runs at once ({@code threads}), and how long the
 * lease of a running scan lasts ({@code scanLeaseMillis}, every scan's, scheduled or started over HTTP): the server
 * running it renews it four times per lease, and a scan not renewed for that long is taken for one a stopped server
 * left, ended as interrupted, and its tenant may start another.
 */
public record SchedulesConfig(Integer pollingIntervalMillis, Integer threads, Integer scanLeaseMillis) {
    private static final int HOUR_MILLIS = 3_600_000;

    public SchedulesConfig {
        pollingIntervalMillis = pollingIntervalMillis == null ? 10_000 : pollingIntervalMillis;
        threads = threads == null ? 2 : threads;
        scanLeaseMillis = scanLeaseMillis == null ? 60_000 : scanLeaseMillis;
        if (pollingIntervalMillis < 100 || pollingIntervalMillis > HOUR_MILLIS) {
            throw new ConfigException("schedules.pollingIntervalMillis", "must be between 100 and 3600000 (an hour), "
                    + "was " + pollingIntervalMillis);
        }
        if (threads < 1 || threads > 64) {
            throw new ConfigException("schedules.threads", "must be between 1 and 64, was " + threads);
        }
        if (scanLeaseMillis < 1_000 || scanLeaseMillis > HOUR_MILLIS) {
            throw new ConfigException("schedules.scanLeaseMillis", "must be between 1000 and 3600000 (an hour), was "
                    + scanLeaseMillis);
        }
    }

    public SchedulesConfig(Integer pollingIntervalMillis, Integer threads) {
        this(pollingIntervalMillis, threads, null);
    }

    public static SchedulesConfig defaults() {
        return new SchedulesConfig(null, null, null);
    }

    /** How long a running scan's lease lasts. */
    public Duration scanLease() {
        return Duration.ofMillis(scanLeaseMillis);
    }

    /** These schedules, the scans' leases lasting {@code lease}. */
    public SchedulesConfig withScanLease(Duration lease) {
        return new SchedulesConfig(pollingIntervalMillis, threads, Math.toIntExact(lease.toMillis()));
    }
}
