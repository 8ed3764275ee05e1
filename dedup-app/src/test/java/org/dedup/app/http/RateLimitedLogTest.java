package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RateLimitedLogTest {
    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-12-03T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
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

    @Test
    void aRepeatedFailureIsLoggedOncePerIntervalWithHowManyWereLeftOut() {
        Logger logger = (Logger) LoggerFactory.getLogger("rate-limited-test");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        HandClock clock = new HandClock();
        RateLimitedLog log = new RateLimitedLog(logger, clock, Duration.ofMinutes(1));

        for (int i = 0; i < 5; i++) {
            log.warn("request failed", new IllegalStateException("secret@x.io"));
        }
        clock.advance(Duration.ofSeconds(61));
        log.warn("request failed", new IllegalStateException("secret@x.io"));

        assertEquals(List.of("request failed: IllegalStateException",
                "request failed: IllegalStateException (4 more like it in the last 60 s not logged)"),
                logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    }
}
