package org.dedup.app.http;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.eclipse.jetty.server.LocalConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second step of server start before the port opens: requests sent to the API through Jetty's in-memory
 * connector, so that the HTTP side (Jetty's parsing, Javalin's routing, the API key check, reading the JSON body and
 * writing the answer) is compiled too, not only the duplicate control that {@link WarmUp} exercises. They are checks
 * on save ({@code POST /v1/check}) of the warm-up tenant, which write nothing, under a key made for the warm-up that
 * no client ever sees: the connector is in the process, and the key is dropped before the port opens.
 */
final class HttpWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(HttpWarmUp.class);
    private static final String OK = "HTTP/1.1 200 ";
    private final String key = newKey();

    /** What the HTTP warm-up did: requests sent, how many were answered 200, and how long it took. */
    record Done(int sent, int answered, Duration took) {
    }

    /** The API key the warm-up's requests carry; valid only while it runs. */
    String key() {
        return key;
    }

    /** Sends {@code requests} checks through {@code connector}, stopping early once {@code budget} is spent. */
    Done run(LocalConnector connector, int requests, Duration budget) {
        Instant start = Instant.now();
        Instant deadline = start.plus(budget);
        int sent = 0;
        int answered = 0;
        while (sent < requests && Instant.now().isBefore(deadline)) {
            try {
                String answer = connector.getResponse(check(WarmUp.lead(sent, sent)));
                answered += answer != null && answer.startsWith(OK) ? 1 : 0;
            } catch (Exception e) {
                // the warm-up must never stop a start: what failed here fails again, and visibly, for a client
                LOG.debug("a warm-up request failed", e);
            }
            sent++;
        }
        Done done = new Done(sent, answered, Duration.between(start, Instant.now()));
        if (sent > 0) {
            LOG.info("warmed up the HTTP side with {} requests ({} answered 200) in {} ms", done.sent(),
                    done.answered(), done.took().toMillis());
        }
        return done;
    }

    private String check(byte[] body) {
        return "POST /v1/check HTTP/1.1\r\nHost: warm-up\r\nX-Api-Key: " + key
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n"
                + new String(body, StandardCharsets.UTF_8);
    }

    private static String newKey() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return "warm-up-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
