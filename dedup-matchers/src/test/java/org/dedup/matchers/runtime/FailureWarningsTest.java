package org.dedup.matchers.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.OptionalLong;

import org.dedup.domain.settings.MatchMethod;
import org.junit.jupiter.api.Test;

class FailureWarningsTest {
    private static final long MINUTE = Duration.ofMinutes(1).toNanos();
    private final FailureWarnings warnings = new FailureWarnings(Duration.ofMinutes(1));

    @Test
    void aMatchersFirstFailureIsWarnedOfAndTheNextOnesWithinTheIntervalAreOnlyCounted() {
        assertEquals(OptionalLong.of(0), warnings.warn(MatchMethod.BIG_DATA, 0));
        for (int lead = 1; lead <= 1_000; lead++) {
            assertEquals(OptionalLong.empty(), warnings.warn(MatchMethod.BIG_DATA, lead * 1_000L));
        }

        assertEquals(OptionalLong.of(1_000), warnings.warn(MatchMethod.BIG_DATA, MINUTE),
                "a minute later: one warning, telling how many went unlogged");
        assertEquals(OptionalLong.empty(), warnings.warn(MatchMethod.BIG_DATA, MINUTE + 1));
    }

    @Test
    void eachMatcherHasItsOwnInterval() {
        warnings.warn(MatchMethod.BIG_DATA, 0);

        assertEquals(OptionalLong.of(0), warnings.warn(MatchMethod.EMAIL, 1));
    }
}
