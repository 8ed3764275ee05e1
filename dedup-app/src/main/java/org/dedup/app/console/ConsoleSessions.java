package org.dedup.app.console;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's signed-in sessions, kept in this server's memory: a random id (the cookie's only content) names the
 * tenant's API key and the session's CSRF token; a session expires after {@code lifetime} without use.
 */
final class ConsoleSessions {
    private static final int RANDOM_BYTES = 32;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration lifetime;

    /** One signed-in browser: the key it acts with and the token every form it posts must carry. */
    record Session(String id, String apiKey, String csrfToken, Instant expiresAt) {
    }

    ConsoleSessions(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    Duration lifetime() {
        return lifetime;
    }

    Session open(String apiKey) {
        Session session = new Session(randomToken(), apiKey, randomToken(), clock.instant().plus(lifetime));
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session of that id, its expiry pushed back; an expired one is forgotten. */
    Optional<Session> find(String id) {
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!now.isBefore(session.expiresAt())) {
            sessions.remove(id, session);
            return Optional.empty();
        }
        Session renewed = new Session(session.id(), session.apiKey(), session.csrfToken(), now.plus(lifetime));
        sessions.replace(id, session, renewed);
        return Optional.of(renewed);
    }

    void close(String id) {
        sessions.remove(id);
    }

    private String randomToken() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
