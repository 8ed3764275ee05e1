package org.dedup.domain.event;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Require;

/**
 * When a failed delivery is tried again: after {@code firstRetry}, doubling at each failure up to {@code maxRetry},
 * for {@code maxAttempts} attempts in all. {@code lease} is how long a claimed delivery is left to its dispatcher
 * (longer than one attempt can take), after which another dispatcher may take it.
 */
public record RetryPolicy(Duration firstRetry, Duration maxRetry, int maxAttempts, Duration lease) {
    public RetryPolicy {
        Require.nonNull(firstRetry, "first retry");
        Require.nonNull(maxRetry, "longest retry");
        Require.nonNull(lease, "lease");
        Require.positive(maxAttempts, "attempts");
        if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
            throw new InvalidRecordException("retries must wait a positive time, the longest at least the first, "
                    + "were " + firstRetry + " and " + maxRetry);
        }
    }

    /** When to try again after attempt number {@code attempt} failed at {@code now}; empty when it was the last. */
    public Optional<Instant> retryAfter(int attempt, Instant now) {
        if (attempt >= maxAttempts) {
            return Optional.empty();
        }
        Duration wait = firstRetry;
        for (int i = 1; i < attempt && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return Optional.of(now.plus(wait.compareTo(maxRetry) < 0 ? wait : maxRetry));
    }

    /** How long all retries wait together: how long a receiver may be down and still get every event. */
    public Duration patience() {
        Instant at = Instant.EPOCH;
        for (int attempt = 1; attempt < maxAttempts; attempt++) {
            at = retryAfter(attempt, at).orElseThrow();
        }
        return Duration.between(Instant.EPOCH, at);
    }
}
