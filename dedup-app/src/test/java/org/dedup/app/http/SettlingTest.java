package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntUnaryOperator;

import org.dedup.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** Warm-up rounds run until the JIT has settled, or until the maximum. */
class SettlingTest {
    private static final Duration ROUND = Duration.ofMillis(500);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T21:00:00Z"));
    private final AtomicLong compiledMillis = new AtomicLong();
    private final Settling settling = new Settling(clock, compiledMillis::get);

    @Test
    void roundsStopOnceTheJitCompiledForLessThanItsShareOfASpan() {
        Settling.Done done = settling.run(Duration.ofMinutes(2), rounds(round -> round <= 8 ? 400 : 10));

        assertEquals(new Settling.Done(12, Duration.ofSeconds(6), Duration.ofMillis(8 * 400 + 4 * 10),
                List.of(80L, 80L, 2L), Settling.Stop.SETTLED), done);
    }

    @Test
    void roundsStopAtTheMaximumWhileTheJitStillCompiles() {
        Settling.Done done = settling.run(Duration.ofSeconds(10), rounds(round -> 400));

        assertEquals(new Settling.Done(20, Duration.ofSeconds(10), Duration.ofSeconds(8),
                List.of(80L, 80L, 80L, 80L), Settling.Stop.MAXIMUM), done);
    }

    @Test
    void aJvmThatReportsNoCompileTimeSettlesAfterItsFirstSpan() {
        Settling.Done done = settling.run(Duration.ofMinutes(2), rounds(round -> 0));

        assertEquals(new Settling.Done(4, Settling.SPAN, Duration.ZERO, List.of(0L), Settling.Stop.SETTLED), done);
    }

    /** Rounds of {@link #ROUND} each, the JIT compiling for {@code compiling} ms in the round numbered from 1. */
    private Runnable rounds(IntUnaryOperator compiling) {
        AtomicInteger round = new AtomicInteger();
        return () -> {
            clock.advance(ROUND);
            compiledMillis.addAndGet(compiling.applyAsInt(round.incrementAndGet()));
        };
    }
}
