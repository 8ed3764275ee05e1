package org.dedup.app.http;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Rounds of warm-up run until the JIT has settled: until, over a span of at least {@link #SPAN}, its compiler threads
 * spent less than {@link #SETTLED_SHARE} of the span compiling, or until the maximum is reached. A count of rounds fixed
 * in advance let the port open while C2 still compiled the hot paths: under load the compiler threads then took the
 * CPU the requests needed. A JVM that reports no compile time (no JIT) settles after its first span.
 */
final class Settling {
    /** Shorter spans judge by the luck of whether a compile finished inside them. */
    static final Duration SPAN = Duration.ofSeconds(2);
    /** Compile time, as a share of the span's wall time, below which the JIT counts as settled. */
    static final double SETTLED_SHARE = 0.05;
    private final Clock clock;
    private final LongSupplier compiledMillis;

    /** Why the rounds stopped. */
    enum Stop {
        SETTLED, MAXIMUM
    }

    /**
     * What ran: rounds, for how long, the JIT's compile time meanwhile (of all its threads: it may exceed the wall
     * time), the share of each span it compiled for, in percent, and why it stopped.
     */
    record Done(int rounds, Duration took, Duration compiled, List<Long> spanPercents, Stop stop) {
        Done {
            spanPercents = List.copyOf(spanPercents);
        }
    }

    Settling(Clock clock, LongSupplier compiledMillis) {
        this.clock = clock;
        this.compiledMillis = compiledMillis;
    }

    /** Settling as this JVM's JIT reports it. */
    static Settling ofThisJvm() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean reported = jit != null && jit.isCompilationTimeMonitoringSupported();
        return new Settling(Clock.systemUTC(), reported ? jit::getTotalCompilationTime : () -> 0);
    }

    /**
     * Runs {@code round} until the JIT has settled or {@code maximum} has passed; a round begun before the maximum is
     * finished.
     */
    Done run(Duration maximum, Runnable round) {
        Instant start = clock.instant();
        Instant deadline = start.plus(maximum);
        long compiledAtStart = compiledMillis.getAsLong();
        Instant spanStart = start;
        long compiledAtSpanStart = compiledAtStart;
        List<Long> spanPercents = new ArrayList<>();
        for (int rounds = 1; ; rounds++) {
            round.run();
            Instant now = clock.instant();
            long compiled = compiledMillis.getAsLong();
            Duration took = Duration.between(start, now);
            Duration sinceStart = Duration.ofMillis(compiled - compiledAtStart);
            if (!now.isBefore(deadline)) {
                return new Done(rounds, took, sinceStart, spanPercents, Stop.MAXIMUM);
            }
            Duration span = Duration.between(spanStart, now);
            if (span.compareTo(SPAN) >= 0) {
                spanPercents.add(Math.round(100.0 * (compiled - compiledAtSpanStart) / span.toMillis()));
                if (compiled - compiledAtSpanStart < span.toMillis() * SETTLED_SHARE) {
                    return new Done(rounds, took, sinceStart, spanPercents, Stop.SETTLED);
                }
                spanStart = now;
                compiledAtSpanStart = compiled;
            }
        }
    }
}
