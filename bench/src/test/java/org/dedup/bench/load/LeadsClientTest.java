package org.dedup.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class LeadsClientTest {
    private static final byte[] LEAD = "{\"email\":\"ann@example.com\"}".getBytes(StandardCharsets.UTF_8);
    private static final String DECISION = "{\"outcome\":\"created\"}";

    @Test
    void sendsTheLeadWithItsKeysAndReadsTheAnswer() throws Exception {
        try (CannedServer server = new CannedServer(CannedServer.Mode.KEEP_ALIVE, ok(DECISION));
             LeadsClient<String> client = new LeadsClient<>(server.uri(), "tenant-key", 4)) {
            Outcome answer = post(client, "run-1");

            assertEquals(200, answer.status());
            assertEquals(DECISION, new String(answer.body(), StandardCharsets.UTF_8));
            String request = server.requests().getFirst().toLowerCase(Locale.ROOT);
            assertTrue(request.startsWith("post /v1/leads http/1.1"), request);
            assertTrue(request.contains("idempotency-key: run-1"), request);
            assertTrue(request.contains("x-api-key: tenant-key"), request);
            assertTrue(request.endsWith(new String(LEAD, StandardCharsets.UTF_8)), request);
        }
    }

    @Test
    void aChunkedAnswerIsReadWhole() throws Exception {
        try (CannedServer server = new CannedServer(CannedServer.Mode.KEEP_ALIVE,
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"out\r\n"
                        + Integer.toHexString(DECISION.length() - 5) + "\r\n" + DECISION.substring(5) + "\r\n0\r\n\r\n");
             LeadsClient<String> client = new LeadsClient<>(server.uri(), "tenant-key", 4)) {
            assertEquals(DECISION, new String(post(client, "run-1").body(), StandardCharsets.UTF_8));
            assertEquals(DECISION, new String(post(client, "run-2").body(), StandardCharsets.UTF_8));
            assertEquals(1, server.connections());
        }
    }

    @Test
    void requestsBeyondTheConnectionsWaitForOne() throws Exception {
        try (CannedServer server = new CannedServer(CannedServer.Mode.KEEP_ALIVE, ok(DECISION));
             LeadsClient<String> client = new LeadsClient<>(server.uri(), "tenant-key", 1)) {
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                client.send("run-" + i, LEAD, "run-" + i);
            }
            assertEquals(3, client.inFlight());
            pollUntil(client, outcomes, 3);

            assertEquals(List.of(200, 200, 200), outcomes.stream().map(Outcome::status).toList());
            assertEquals(1, server.connections());
            assertEquals(0, client.inFlight());
        }
    }

    @Test
    void aRequestWaitingForAConnectionGoesOnceAnAnswerClosesTheBusyOne() throws Exception {
        try (CannedServer server = new CannedServer(CannedServer.Mode.CLOSE_AFTER_ANSWER,
                ok(DECISION).replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n"));
             LeadsClient<String> client = new LeadsClient<>(server.uri(), "tenant-key", 1)) {
            List<Outcome> outcomes = new ArrayList<>();
            client.send("run-1", LEAD, "run-1");
            client.send("run-2", LEAD, "run-2");
            pollUntil(client, outcomes, 2);

            assertEquals(List.of(200, 200), outcomes.stream().map(Outcome::status).toList());
            assertEquals(2, server.connections());
        }
    }

    @Test
    void aBusyServerSaysWhenToComeBack() throws Exception {
        try (CannedServer server = new CannedServer(CannedServer.Mode.KEEP_ALIVE,
                "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 7\r\nContent-Length: 0\r\n\r\n");
             LeadsClient<String> client = new LeadsClient<>(server.uri(), "tenant-key", 4)) {
            Outcome answer = post(client, "run-1");

            assertEquals(503, answer.status());
            assertEquals(7, answer.retryAfterSeconds());
        }
    }

    @Test
    void aPooledConnectionTheServerClosedIsNotAFailure() throws Exception {
        try (CannedServer server = new CannedServer(CannedServer.Mode.CLOSE_AFTER_ANSWER, ok(DECISION));
             LeadsClient<String> client = new LeadsClient<>(server.uri(), "tenant-key", 4)) {
            post(client, "run-1");
            server.awaitClosed();

            assertEquals(200, post(client, "run-2").status());
            assertEquals(2, server.connections());
        }
    }

    @Test
    void aConnectionClosedBeforeAnyAnswerIsAFailure() throws Exception {
        try (CannedServer server = new CannedServer(CannedServer.Mode.CLOSE_UNANSWERED, "");
             LeadsClient<String> client = new LeadsClient<>(server.uri(), "tenant-key", 4)) {
            assertNotNull(post(client, "run-1").failure());
            assertEquals(1, server.requests().size());
        }
    }

    @Test
    void aRefusedConnectionIsAFailure() throws Exception {
        // Port 1 (tcpmux): nothing listens there, and unlike a port just freed no other process can take it meanwhile.
        try (LeadsClient<String> client = new LeadsClient<>(URI.create("http://127.0.0.1:1"), "tenant-key", 4)) {
            assertNotNull(post(client, "run-1").failure());
            assertEquals(0, client.inFlight());
        }
    }

    /** An answer, or the failure in its place. */
    private record Outcome(String request, int status, byte[] body, long retryAfterSeconds, IOException failure) {
    }

    /** Sends one lead and polls until its outcome. */
    private static Outcome post(LeadsClient<String> client, String key) throws IOException {
        List<Outcome> outcomes = new ArrayList<>();
        client.send(key, LEAD, key);
        pollUntil(client, outcomes, 1);
        return outcomes.getFirst();
    }

    private static void pollUntil(LeadsClient<String> client, List<Outcome> outcomes, int count) throws IOException {
        LeadsClient.Answers<String> collect = new LeadsClient.Answers<>() {
            @Override
            public void answered(String request, int status, byte[] body, long retryAfterSeconds) {
                outcomes.add(new Outcome(request, status, body, retryAfterSeconds, null));
            }

            @Override
            public void failed(String request, IOException failure) {
                outcomes.add(new Outcome(request, 0, new byte[0], 0, failure));
            }
        };
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (outcomes.size() < count && System.nanoTime() < deadline) {
            client.poll(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50), collect);
        }
        assertEquals(count, outcomes.size(), "outcomes within 10 s");
    }

    private static String ok(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** A loopback HTTP/1.1 server that gives every request the same response, the way {@code mode} says. */
    private static final class CannedServer implements AutoCloseable {
        enum Mode { KEEP_ALIVE, CLOSE_AFTER_ANSWER, CLOSE_UNANSWERED }

        private final ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        private final Mode mode;
        private final byte[] response;
        private final AtomicInteger connections = new AtomicInteger();
        private final List<String> requests = new CopyOnWriteArrayList<>();
        private final Semaphore closed = new Semaphore(0);

        CannedServer(Mode mode, String response) throws IOException {
            this.mode = mode;
            this.response = response.getBytes(StandardCharsets.UTF_8);
            Thread.ofPlatform().daemon().start(this::accept);
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + listener.getLocalPort());
        }

        int connections() {
            return connections.get();
        }

        List<String> requests() {
            return requests;
        }

        void awaitClosed() throws InterruptedException {
            closed.acquire();
        }

        private void accept() {
            while (!listener.isClosed()) {
                try {
                    Socket connection = listener.accept();
                    connections.incrementAndGet();
                    Thread.ofPlatform().daemon().start(() -> serve(connection));
                } catch (IOException closedListener) {
                    return;
                }
            }
        }

        private void serve(Socket connection) {
            try (connection; InputStream in = new BufferedInputStream(connection.getInputStream())) {
                String request;
                while ((request = readRequest(in)) != null) {
                    requests.add(request);
                    if (mode == Mode.CLOSE_UNANSWERED) {
                        break;
                    }
                    connection.getOutputStream().write(response);
                    connection.getOutputStream().flush();
                    if (mode == Mode.CLOSE_AFTER_ANSWER) {
                        break;
                    }
                }
            } catch (IOException brokenByClient) {
                // the client closed the connection: nothing left to serve on it
            }
            closed.release();
        }

        /** The request's head and body as text, or null at the end of the connection. */
        private static String readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.write(b);
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            int length = text.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                    .mapToInt(line -> Integer.parseInt(line.substring("content-length:".length()).trim()))
                    .findFirst().orElse(0);
            return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
