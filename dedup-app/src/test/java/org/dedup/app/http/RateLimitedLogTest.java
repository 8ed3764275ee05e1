package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.dedup.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class RateLimitedLogTest {
    @Test
    void aRepeatedFailureIsLoggedOncePerIntervalWithHowManyWereLeftOut() {
        Logger logger = (Logger) LoggerFactory.getLogger("rate-limited-test");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        MutableClock clock = new MutableClock(Instant.parse("2026-12-03T08:00:00Z"));
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
