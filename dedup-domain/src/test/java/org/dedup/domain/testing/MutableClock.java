package org.dedup.domain.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand, or that moves on by a step at every reading. */
public final class MutableClock extends Clock {
    private Instant now;
    private Duration step = Duration.ZERO;

    public MutableClock(Instant start) {
        now = start;
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** From now on every reading is {@code step} later than the one before, so no two are equal. */
    public synchronized void stepOnEveryReading(Duration step) {
        this.step = step;
    }

    @Override
    public synchronized Instant instant() {
        Instant read = now;
        now = now.plus(step);
        return read;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
