package org.dedup.app.http;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.server.LocalConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP round of a server's warm-up: requests sent to the API through Jetty's in-memory connector by several
 * senders at once, so that the HTTP side (Jetty's parsing, Javalin's routing, the API key check, reading the JSON
 * body, the arrival queue and its workers taking batches, writing the answer) is compiled too, not only the duplicate
 * control that {@link WarmUp} exercises. They are incoming leads ({@code POST /v1/leads}, which the queue decides as
 * a {@link org.dedup.core.arrivals.Rehearsal}: nothing kept) and checks on save ({@code POST /v1/check}, which write
 * nothing) of the warm-up tenant, under a key made for the warm-up that no client ever sees: the connector is in the
 * process, and the key is dropped before the port opens.
 */
final class HttpWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(HttpWarmUp.class);
    private static final String OK = "HTTP/1.1 200 ";
    /** Senders at once: enough for the queue's workers to find several arrivals waiting, as under load. */
    private static final int SENDERS = 16;
    private static final int LEADS_PER_SENDER = 4;
    /** The people the round's duplicates repeat: merged into when a batch holds both. */
    private static final int REPEATED_PEOPLE = 4;
    private final String key = newKey();
    private final AtomicLong sent = new AtomicLong();

    /** What a round did: requests sent, and how many were answered 200. */
    record Done(int sent, int answered) {
        static final Done NONE = new Done(0, 0);

        Done plus(Done other) {
            return new Done(sent + other.sent, answered + other.answered);
        }
    }

    /** The API key the warm-up's requests carry; valid only while it runs. */
    String key() {
        return key;
    }

    /** One round through {@code connector}: each sender sends a few leads, then a check. */
    Done round(LocalConnector connector) {
        List<Future<Integer>> senders = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < SENDERS; i++) {
                senders.add(threads.submit(() -> send(connector)));
            }
        }
        return new Done(SENDERS * (LEADS_PER_SENDER + 1), senders.stream().mapToInt(Future::resultNow).sum());
    }

    /** How many of one sender's requests were answered 200. */
    private int send(LocalConnector connector) {
        int answered = 0;
        for (int i = 0; i < LEADS_PER_SENDER; i++) {
            long n = sent.incrementAndGet();
            answered += answered(connector, request("/v1/leads", "Idempotency-Key: warm-up-http-" + n + "\r\n",
                    SyntheticLeads.arrival((int) (n % Integer.MAX_VALUE), REPEATED_PEOPLE)));
        }
        return answered + answered(connector, request("/v1/check", "", SyntheticLeads.stored(0)));
    }

    private static int answered(LocalConnector connector, String request) {
        try {
            String answer = connector.getResponse(request);
            return answer != null && answer.startsWith(OK) ? 1 : 0;
        } catch (Exception e) {
            // the warm-up must never stop a start: what failed here fails again, and visibly, for a client
            LOG.debug("a warm-up request failed", e);
            return 0;
        }
    }

    private String request(String path, String headers, byte[] body) {
        // Connection: close, or the connector keeps each request's connection until its idle timeout, and tens of
        // thousands of them then timed out, each with two exceptions, in the first 30 s after the port opened
        return "POST " + path + " HTTP/1.1\r\nHost: warm-up\r\nConnection: close\r\nX-Api-Key: " + key + "\r\n"
                + headers + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n"
                + new String(body, StandardCharsets.UTF_8);
    }

    private static String newKey() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return "warm-up-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
