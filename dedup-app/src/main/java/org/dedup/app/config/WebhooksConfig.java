package org.dedup.app.config;

import java.time.Duration;

import org.dedup.domain.event.RetryPolicy;

/**
 * The {@code webhooks} section: how often a server looks for events to deliver ({@code pollIntervalMillis}), how
 * long one attempt may take ({@code connectTimeoutMillis}, {@code requestTimeoutMillis}) and how failed ones are
 * retried: after {@code firstRetryMillis}, doubling up to {@code maxRetryMillis}, {@code maxAttempts} attempts in
 * all (the defaults keep trying for about three hours).
 */
public record WebhooksConfig(Integer pollIntervalMillis, Integer connectTimeoutMillis, Integer requestTimeoutMillis,
                             Integer firstRetryMillis, Integer maxRetryMillis, Integer maxAttempts) {
    /** A claimed delivery is left to its server this much longer than one attempt may take. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(10);

    public WebhooksConfig {
        pollIntervalMillis = within("pollIntervalMillis", pollIntervalMillis, 1_000, 50, 600_000);
        connectTimeoutMillis = within("connectTimeoutMillis", connectTimeoutMillis, 5_000, 100, 60_000);
        requestTimeoutMillis = within("requestTimeoutMillis", requestTimeoutMillis, 10_000, 100, 120_000);
        firstRetryMillis = within("firstRetryMillis", firstRetryMillis, 5_000, 50, 3_600_000);
        maxRetryMillis = within("maxRetryMillis", maxRetryMillis, 900_000, firstRetryMillis, 86_400_000);
        maxAttempts = within("maxAttempts", maxAttempts, 20, 1, 1_000);
    }

    public static WebhooksConfig defaults() {
        return new WebhooksConfig(null, null, null, null, null, null);
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(Duration.ofMillis(firstRetryMillis), Duration.ofMillis(maxRetryMillis), maxAttempts,
                Duration.ofMillis(connectTimeoutMillis + requestTimeoutMillis).plus(LEASE_MARGIN));
    }

    private static int within(String key, Integer value, int otherwise, int min, int max) {
        int given = value == null ? otherwise : value;
        if (given < min || given > max) {
            throw new ConfigException("webhooks." + key, "must be between " + min + " and " + max + ", was " + given);
        }
        return given;
    }
}
