package org.dedup.app.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.dedup.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

class ConsoleSessionsTest {
    private static final Duration LIFETIME = Duration.ofMinutes(30);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T06:00:00Z"));
    private final ConsoleSessions sessions = new ConsoleSessions(clock, LIFETIME);

    @Test
    void aSessionUnusedForItsLifetimeExpires() {
        ConsoleSessions.Session session = sessions.open("key");
        clock.advance(LIFETIME);
        assertTrue(sessions.find(session.id()).isEmpty());
    }

    @Test
    void usingASessionKeepsItAlive() {
        ConsoleSessions.Session session = sessions.open("key");
        clock.advance(LIFETIME.minusMinutes(1));
        assertTrue(sessions.find(session.id()).isPresent());
        clock.advance(LIFETIME.minusMinutes(1));
        assertEquals("key", sessions.find(session.id()).orElseThrow().apiKey());
    }

    @Test
    void eachSessionHasItsOwnRandomIdAndCsrfToken() {
        ConsoleSessions.Session first = sessions.open("key");
        ConsoleSessions.Session second = sessions.open("key");
        assertNotEquals(first.id(), second.id());
        assertNotEquals(first.csrfToken(), second.csrfToken());
        assertNotEquals(first.id(), first.csrfToken());
        assertTrue(first.id().length() >= 43, "256 random bits");
    }
}
