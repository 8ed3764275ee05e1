package org.dedup.matchers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.OptionalLong;

import org.dedup.domain.settings.MatchMethod;
import org.junit.jupiter.api.Test;

class FailureWarningsTest {
    private static final long MINUTE = Duration.ofMinutes(1).toNanos();
    private static final MatchMethod MODEL = new MatchMethod("big_data");
    private final FailureWarnings warnings = new FailureWarnings(Duration.ofMinutes(1));

    @Test
    void aMatchersFirstFailureIsWarnedOfAndTheNextOnesWithinTheIntervalAreOnlyCounted() {
        assertEquals(OptionalLong.of(0), warnings.warn(MODEL, 0));
        for (int lead = 1; lead <= 1_000; lead++) {
            assertEquals(OptionalLong.empty(), warnings.warn(MODEL, lead * 1_000L));
        }

        assertEquals(OptionalLong.of(1_000), warnings.warn(MODEL, MINUTE),
                "a minute later: one warning, telling how many went unlogged");
        assertEquals(OptionalLong.empty(), warnings.warn(MODEL, MINUTE + 1));
    }

    @Test
    void eachMatcherHasItsOwnInterval() {
        warnings.warn(MODEL, 0);

        assertEquals(OptionalLong.of(0), warnings.warn(MatchMethod.EMAIL, 1));
    }
}
