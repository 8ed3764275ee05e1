package org.dedup.app.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.app.ServeProcess;
import org.dedup.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox outlives its server: a real {@code dedup serve} process on PostgreSQL is killed with SIGKILL while it
 * delivers to a receiver that answers 500, another starts on the same database, and the receiver, which checks
 * every signature, ends with every event, each by its one id.
 */
class WebhooksSurviveKillTest {
    private static final String KEY = "acme-secret-key-0001";
    private static final String SECRET = "the-receivers-secret-0001";
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final int MERGES = 30;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<ServeProcess> servers = new ArrayList<>();
    @TempDir
    Path dir;
    private String schema;
    private Path config;

    @BeforeEach
    void configure() throws IOException {
        schema = TestPostgres.createSchema("webhook_kill");
        // attempts of at most 3 s (so a killed server's claims are due again 13 s later), retries after 200 ms to 1 s
        config = Files.writeString(dir.resolve("dedup.yaml"), """
                database:
                  url: %s
                  user: %s
                  password: ""
                  poolSize: 4
                  schema: %s
                http:
                  port: 0
                  warmUpMaxSeconds: 0
                webhooks:
                  pollIntervalMillis: 100
                  connectTimeoutMillis: 1000
                  requestTimeoutMillis: 2000
                  firstRetryMillis: 200
                  maxRetryMillis: 1000
                  maxAttempts: 1000
                tenants:
                  - id: acme
                    apiKey: %s
                    methods: [email]
                """.formatted(TestPostgres.url(), TestPostgres.USER, schema, KEY));
    }

    @AfterEach
    void stopServers() {
        servers.forEach(ServeProcess::close);
        TestPostgres.dropSchema(schema);
    }

    /** {@code dedup serve} in a JVM of its own; its port once it serves. */
    private int serve(String name) throws IOException, InterruptedException {
        ServeProcess server = ServeProcess.start(config, dir, name);
        servers.add(server);
        return server.port();
    }

    private JsonNode post(int port, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Api-Key", KEY).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return json.readTree(answer.body());
    }

    private String merge(int port, int person) throws IOException, InterruptedException {
        String lead = """
                {"pipeline": "sales", "stage": "incoming", "source": "web_form",
                 "contacts": [{"name": "Person %d", "primary": true, "emails": ["person-%d@x.io"]}]}
                """.formatted(person, person);
        post(port, "/v1/leads", lead);
        return post(port, "/v1/leads", lead).get("merges").get(0).asText();
    }

    @Test
    void everyEventReachesTheReceiverThoughTheServerIsKilledMidDeliveryAndTheReceiverAnswers500() throws Exception {
        try (TestReceiver receiver = new TestReceiver(SECRET)) {
            receiver.failUntil(Instant.MAX);
            receiver.answerAfter(Duration.ofMillis(300));
            int first = serve("first");
            post(first, "/v1/webhooks", "{\"url\": \"" + receiver.url() + "\", \"secret\": \"" + SECRET + "\"}");
            Set<String> merges = new HashSet<>();
            for (int person = 0; person < MERGES; person++) {
                merges.add(merge(first, person));
            }
            Instant deadline = Instant.now().plus(PATIENCE);
            while (receiver.requests() < 2 * MERGES) { // every event tried and refused with 500, some twice
                assertTrue(Instant.now().isBefore(deadline), "only " + receiver.requests() + " attempts");
                Thread.sleep(10);
            }

            assertEquals(128 + 9, servers.getFirst().kill(), "ended by SIGKILL");
            assertEquals(0, receiver.events().size(), "nothing was accepted before the kill");
            receiver.failUntil(Instant.now().plusSeconds(3));
            serve("second");

            List<JsonNode> events = receiver.await(received -> received.size() >= MERGES, PATIENCE);

            assertEquals(merges, Set.copyOf(events.stream().map(e -> e.get("data").get("merge").asText()).toList()),
                    "every merge told, none lost");
            assertEquals(MERGES, events.size(), "one event id per merge: " + events);
            assertTrue(events.stream().allMatch(e -> e.get("type").asText().equals("lead.merged")));
            assertEquals(List.of(), receiver.badSignatures());
        }
    }
}
