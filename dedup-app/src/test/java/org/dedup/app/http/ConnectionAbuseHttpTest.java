package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.dedup.app.DedupApplication;
import org.dedup.app.config.DatabaseConfig;
import org.dedup.app.config.DedupConfig;
import org.dedup.app.config.HttpConfig;
import org.dedup.app.config.TenantConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Clients that hold connections or flood the metrics, against a real server on H2: a request head sent too slowly
 * (slowloris) or a body that stalls is cut off, made-up methods add no time series, and the server listens on the
 * configured host only.
 */
class ConnectionAbuseHttpTest {
    private static final String KEY = "abuse-key-0123456789";
    private static final int HEAD_TIMEOUT_MILLIS = 1_000;
    private static final int IDLE_TIMEOUT_MILLIS = 2_000;
    /** Long enough for every timeout here, short enough to fail fast when one does not fire. */
    private static final int GIVE_UP_MILLIS = 15_000;
    private static DedupApplication app;
    private static DedupConfig config;
    private final HttpClient client = HttpClient.newHttpClient();
    private final ScheduledExecutorService trickle = Executors.newScheduledThreadPool(1);
    private HttpApi api;

    @BeforeAll
    static void startApplication() {
        config = DedupConfig.defaults().withDatabase(DatabaseConfig.of("jdbc:h2:mem:abuse;MODE=PostgreSQL;"
                        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"))
                .withTenants(List.of(new TenantConfig("abuse", KEY, List.of("email"), null, null, null, null)));
        app = DedupApplication.start(config);
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    @BeforeEach
    void startServer() {
        api = new HttpApi(HttpConfig.on(0, 16_384).withTimeouts(HEAD_TIMEOUT_MILLIS, IDLE_TIMEOUT_MILLIS),
                config.tenants(), app.apiServices());
    }

    @AfterEach
    void stopServer() {
        trickle.shutdownNow();
        api.close();
    }

    private Socket connect(String head) throws IOException {
        Socket socket = new Socket("127.0.0.1", api.port());
        socket.setSoTimeout(GIVE_UP_MILLIS);
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Sends one more byte on every socket every 200 ms, so that no idle timeout ever fires. */
    private void keepTrickling(List<Socket> sockets, byte one) {
        trickle.scheduleAtFixedRate(() -> sockets.forEach(socket -> {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(one);
                out.flush();
            } catch (IOException closed) {
                // the server closed it: what the test waits for
            }
        }), 200, 200, TimeUnit.MILLISECONDS);
    }

    /** What the server sent before it closed the connection; fails when it is still open after the give-up time. */
    private static String untilClosed(Socket socket) throws IOException {
        try (InputStream in = socket.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException stillOpen) {
            throw new AssertionError("the server kept the connection open for " + GIVE_UP_MILLIS + " ms");
        } catch (IOException reset) {
            return "";
        }
    }

    private int health() throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Nested
    class Slowloris {
        @Test
        void aHundredRequestHeadsSentAByteAtATimeAreClosedAfterTheHeaderTimeout() throws Exception {
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                sockets.add(connect("GET /v1/settings HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: " + KEY
                        + "\r\nX-Slow: "));
            }
            long start = System.nanoTime();
            keepTrickling(sockets, (byte) 'a');

            for (Socket socket : sockets) {
                try (socket) {
                    untilClosed(socket);
                }
            }

            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(took < GIVE_UP_MILLIS, "closed after " + took + " ms");
            assertEquals(200, health(), "the server still answers others");
        }

        @Test
        void aBodyThatStopsComingIsCutOffAfterTheIdleTimeout() throws Exception {
            try (Socket socket = connect("POST /v1/leads HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: " + KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{\"name\": \"")) {
                long start = System.nanoTime();
                String answer = untilClosed(socket);
                long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertTrue(took >= IDLE_TIMEOUT_MILLIS / 2 && took < GIVE_UP_MILLIS, "closed after " + took + " ms");
                assertFalse(answer.startsWith("HTTP/1.1 2"), answer);
            }
        }

        @Test
        void aBodySentAByteAtATimeIsCutOff() throws Exception {
            try (Socket socket = connect("POST /v1/leads HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: " + KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{\"name\": \"")) {
                keepTrickling(List.of(socket), (byte) 'x');
                String answer = untilClosed(socket);
                assertFalse(answer.startsWith("HTTP/1.1 2"), answer);
            }
            assertEquals(200, health());
        }
    }

    @Nested
    class MethodNameFlood {
        private Set<String> requestSeries() throws Exception {
            String metrics = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port()
                    + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            return metrics.lines().filter(line -> line.startsWith("dedup_http_requests"))
                    .map(line -> line.substring(0, line.lastIndexOf(' '))).collect(Collectors.toSet());
        }

        private void send(String method) throws Exception {
            client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/v1/leads"))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        }

        private static String madeUp(int i) {
            StringBuilder name = new StringBuilder("X");
            for (int n = i; n > 0 || name.length() == 1; n /= 26) {
                name.append((char) ('A' + n % 26));
            }
            return name.toString();
        }

        @Test
        void fourThousandMadeUpMethodNamesAddNoTimeSeries() throws Exception {
            send(madeUp(0));
            requestSeries();
            Set<String> before = requestSeries();

            for (int i = 1; i <= 4_000; i++) {
                send(madeUp(i));
            }

            Set<String> after = requestSeries();
            assertEquals(before, after);
            assertTrue(after.stream().noneMatch(series -> series.contains("XB")), after.toString());
            assertTrue(after.stream().anyMatch(series -> series.contains("method=\"OTHER\"")
                    && series.contains("route=\"unmatched\"")), after.toString());
        }
    }

    @Nested
    class Host {
        @Test
        void theServerListensOnTheConfiguredHostOnly() throws Exception {
            try (HttpApi elsewhere = new HttpApi(HttpConfig.on(0, 16_384).withHost("127.0.0.2"), config.tenants(),
                    app.apiServices())) {
                HttpResponse<String> there = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.2:"
                        + elsewhere.port() + "/health")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, there.statusCode());
                assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", elsewhere.port()).close());
            }
        }

        @Test
        void theDefaultHostIsThisMachineOnly() {
            assertEquals("127.0.0.1", HttpConfig.defaults().host());
        }
    }
}
