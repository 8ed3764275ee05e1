package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dedup.app.cli.DedupCommand;
import org.dedup.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two `dedup serve` processes, each a JVM of its own with its own connection pool, on one PostgreSQL database,
 * as behind a load balancer: what keeps them correct together is the database alone. Sixteen identical arrivals
 * sent at once, alternately to each, give one lead: one created, fifteen merged into it.
 */
class TwoServersOnOneDatabaseTest {
    private static final String KEY = "acme-key-0123456789";
    private static final int ARRIVALS = 16;
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<Process> servers = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private String schema;

    @TempDir
    Path directory;

    @BeforeEach
    void startTwoServers() throws Exception {
        schema = TestPostgres.createSchema("two_servers");
        for (int i = 0; i < 2; i++) {
            int port = freePort();
            Path config = directory.resolve("server-" + i + ".yaml");
            Files.writeString(config, """
                    database: {url: "%s", user: "%s", password: "%s", poolSize: 4, schema: %s}
                    http: {port: %d, warmUpMaxSeconds: 0}
                    tenants:
                      - {id: acme, apiKey: %s, methods: [email, phone], defaultRegion: GB}
                    """.formatted(TestPostgres.url(), TestPostgres.USER, TestPostgres.PASSWORD, schema, port, KEY));
            servers.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), DedupCommand.class.getName(),
                    "--config", config.toString(), "serve")
                    .redirectErrorStream(true).redirectOutput(directory.resolve("server-" + i + ".log").toFile())
                    .start());
            ports.add(port);
        }
        for (int port : ports) {
            awaitHealth(port);
        }
    }

    @AfterEach
    void stopServers() throws Exception {
        for (Process server : servers) {
            server.destroy();
            server.waitFor();
        }
        TestPostgres.dropSchema(schema);
    }

    @Test
    void sixteenIdenticalArrivalsSpreadOverTwoServersGiveOneLead() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < ARRIVALS; i++) {
            answers.add(client.sendAsync(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + ports.get(i % 2) + "/v1/leads"))
                    .header("X-Api-Key", KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"name": "Web request", "pipeline": "sales", "stage": "incoming", "incomingStage": true,
                             "source": "web_form",
                             "contacts": [{"name": "Maria Lopez", "primary": true, "emails": ["maria@x.io"],
                                           "phones": [{"type": "mobile", "number": "+44 20 7946 0958"}]}]}
                            """)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        List<JsonNode> decisions = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            assertEquals(200, response.statusCode(), response.body());
            decisions.add(json.readTree(response.body()));
        }

        Map<String, Long> outcomes = decisions.stream().map(d -> d.get("outcome").asText())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(Map.of("created", 1L, "merged", (long) ARRIVALS - 1), outcomes);
        String created = decisions.stream().filter(d -> d.get("outcome").asText().equals("created"))
                .findFirst().orElseThrow().get("lead").asText();
        decisions.stream().filter(d -> d.get("outcome").asText().equals("merged"))
                .forEach(d -> assertEquals(created, d.get("mergedInto").get(0).asText()));
        assertEquals(1, storedLeads());
    }

    private long storedLeads() throws SQLException {
        try (Connection connection = TestPostgres.connect();
             PreparedStatement count = connection.prepareStatement(
                     "select count(*) from \"" + schema + "\".lead where tenant_id = 'acme'");
             ResultSet result = count.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private void awaitHealth(int port) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> health = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the server is still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server on port " + port + " did not answer /health within 90 s; log: "
                + Files.readString(directory.resolve("server-" + ports.indexOf(port) + ".log")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
