package org.dedup.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.dedup.domain.model.InvalidRecordException;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(5), Duration.ofMinutes(15), 20,
            Duration.ofMinutes(1));

    @Test
    void retriesWaitTwiceAsLongAfterEachFailureUpToTheLongestWait() {
        assertEquals(Optional.of(NOW.plusSeconds(5)), policy.retryAfter(1, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(10)), policy.retryAfter(2, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(640)), policy.retryAfter(8, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(900)), policy.retryAfter(9, NOW));
        assertEquals(Optional.of(NOW.plusSeconds(900)), policy.retryAfter(19, NOW));
    }

    @Test
    void theLastAttemptHasNoRetry() {
        assertEquals(Optional.empty(), policy.retryAfter(20, NOW));
    }

    @Test
    void theDefaultsWaitLongerThanAnHourInAll() {
        // 5 s doubling to 640 s (1,275 s), then 11 waits of 900 s: over three hours before the last attempt
        assertEquals(Duration.ofSeconds(1_275 + 11 * 900), policy.patience());
    }

    @Test
    void aRetryMustWait() {
        assertThrows(InvalidRecordException.class, () -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), 3,
                Duration.ofMinutes(1)));
        assertThrows(InvalidRecordException.class, () -> new RetryPolicy(Duration.ofSeconds(5), Duration.ofSeconds(1),
                3, Duration.ofMinutes(1)));
    }
}
