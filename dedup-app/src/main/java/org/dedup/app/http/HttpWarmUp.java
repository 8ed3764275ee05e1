package org.dedup.app.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP round of a server's warm-up: requests sent to the API over connections to a port of the warm-up's own on
 * 127.0.0.1, by several senders at once, so that the HTTP side (Jetty's sockets and parsing, Javalin's
 * routing, the API key check, reading the JSON body, the arrival queue and its workers taking batches, writing the
 * answer) is compiled for the way clients reach it, not only the duplicate control that {@link WarmUp} exercises.
 * (An in-memory connector left the socket classes cold and taught the JIT the wrong endpoint type: hundreds of
 * deoptimizations in the first seconds after the port opened.) They are incoming leads ({@code POST /v1/leads}, which
 * the queue decides as a {@link org.dedup.core.arrivals.Rehearsal}: nothing kept) and checks on save
 * ({@code POST /v1/check}, which write nothing) of the warm-up tenant, under a key made for the warm-up that no client
 * ever sees: it is dropped before the real port opens, and the warm-up's port closes then. Half of the senders write
 * each request whole at once ({@link OneWriteConnection}), the others through the JDK's client, which writes the
 * body after the head: clients do both, and Jetty reads a body that came with its head by another path.
 */
final class HttpWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(HttpWarmUp.class);
    /** Senders at once: enough for the queue's workers to find several arrivals waiting, as under load. */
    private static final int SENDERS = 16;
    private static final int LEADS_PER_SENDER = 4;
    /**
     * Senders of one lead each over a connection of their own, at once with the others: clients open hundreds of
     * connections in the first second after a start, and Jetty's buffer pool grows for them, a path that 16
     * connections never took (class checks in its connection code deoptimized once the port opened).
     */
    private static final int ONE_LEAD_SENDERS = 48;
    /** The people the round's duplicates repeat: merged into when a batch holds both. */
    private static final int REPEATED_PEOPLE = 4;
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final String API_KEY_HEADER = "X-Api-Key: ";
    private static final String CLOSE = "Connection: close";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
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

    /**
     * One round to the API at {@code server}: each sender sends a few leads, then a check, over a connection of its
     * own that it opens and closes: clients come on new connections too (after a restart, all of them at once), so
     * accepting one is warmed up as well as using one again.
     */
    Done round(URI server, SyntheticLeads leads) {
        List<Future<Integer>> senders = new ArrayList<>();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < SENDERS; i++) {
                boolean oneWrite = i % 2 == 1;
                senders.add(threads.submit(() -> oneWrite ? sendInOneWrites(server, leads, LEADS_PER_SENDER, true)
                        : send(client, server, leads)));
            }
            for (int i = 0; i < ONE_LEAD_SENDERS; i++) {
                senders.add(threads.submit(() -> sendInOneWrites(server, leads, 1, false)));
            }
        }
        return new Done(SENDERS * (LEADS_PER_SENDER + 1) + ONE_LEAD_SENDERS,
                senders.stream().mapToInt(Future::resultNow).sum());
    }

    /** How many of one sender's requests were answered 200. */
    private int send(HttpClient client, URI server, SyntheticLeads leads) {
        int answered = 0;
        for (int i = 0; i < LEADS_PER_SENDER; i++) {
            long n = sent.incrementAndGet();
            answered += answered(client, request(server.resolve("/v1/leads"), lead(leads, n))
                    .header(IDEMPOTENCY_KEY, idempotencyKey(n)).build());
        }
        return answered + answered(client, request(server.resolve("/v1/check"), leads.stored(0)).build());
    }

    /**
     * {@code count} leads, then a check on save if {@code check}, each request written whole at once over one
     * connection of its own ({@link OneWriteConnection}) that closes after the last; how many were answered 200.
     */
    private int sendInOneWrites(URI server, SyntheticLeads leads, int count, boolean check) {
        int answered = 0;
        try (OneWriteConnection connection = new OneWriteConnection(server)) {
            for (int i = 0; i < count; i++) {
                long n = sent.incrementAndGet();
                List<String> headers = new ArrayList<>(List.of(API_KEY_HEADER + key,
                        IDEMPOTENCY_KEY + ": " + idempotencyKey(n)));
                if (!check && i == count - 1) {
                    headers.add(CLOSE);
                }
                answered += connection.post("/v1/leads", lead(leads, n), headers) == 200 ? 1 : 0;
            }
            if (check) {
                answered += connection.post("/v1/check", leads.stored(0), List.of(API_KEY_HEADER + key, CLOSE)) == 200
                        ? 1 : 0;
            }
        } catch (IOException e) {
            // as in answered(): what failed here fails again, and visibly, for a client
            LOG.debug("a warm-up request failed", e);
        }
        return answered;
    }

    /** The round's {@code n}th lead sent: a new person or one of the repeated people again. */
    private static byte[] lead(SyntheticLeads leads, long n) {
        return leads.arrival((int) (n % Integer.MAX_VALUE), REPEATED_PEOPLE);
    }

    private static String idempotencyKey(long n) {
        return "warm-up-http-" + n;
    }

    private static int answered(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200 ? 1 : 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (Exception e) {
            // the warm-up must never stop a start: what failed here fails again, and visibly, for a client
            LOG.debug("a warm-up request failed", e);
            return 0;
        }
    }

    private HttpRequest.Builder request(URI uri, byte[] body) {
        return HttpRequest.newBuilder(uri).timeout(ANSWER_TIMEOUT).header("X-Api-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static String newKey() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return "warm-up-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
