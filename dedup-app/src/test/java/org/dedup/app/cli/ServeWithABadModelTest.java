package org.dedup.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.ml.model.CraftedModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dedup serve}, in a JVM of its own as an operator starts it, configured with a crafted model file: the
 * deserialization bomb that used to keep it from ever starting, at 100 % CPU.
 */
class ServeWithABadModelTest {
    private static final Pattern SERVING = Pattern.compile("dedup serving on http://127\\.0\\.0\\.1:(\\d+)");
    private static final String KEY = "acme-secret-key-0001";
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private Process server;

    @TempDir
    Path dir;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void serveStartsWithTheBigDataMethodUnavailableNamingTheLimitTheModelFileBroke() throws Exception {
        Path bomb = CraftedModels.withClassifier(dir.resolve("model.zip"), CraftedModels.deserializationBomb(100));
        Path config = Files.writeString(dir.resolve("dedup.yaml"), """
                database:
                  url: jdbc:h2:file:%s;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH
                http: {port: 0, warmUpMaxSeconds: 0}
                tenants:
                  - {id: acme, apiKey: %s, methods: [email, big_data]}
                matchers:
                  big_data: {model: "%s"}
                """.formatted(dir.resolve("db"), KEY, bomb));
        Path log = dir.resolve("server.log");

        int port = serve(config, log);

        JsonNode health = json.readTree(get(port, "/health").body());
        assertEquals("degraded", health.get("status").asText(), health.toString());
        assertEquals("available", health.at("/matchers/email/status").asText(), health.toString());
        assertEquals("unavailable", health.at("/matchers/big_data/status").asText(), health.toString());
        assertEquals("matchers.big_data.model: classifier.bin holds a class that is not allowed in a model: "
                        + "java.util.HashSet",
                health.at("/matchers/big_data/reason").asText());
        assertFalse(health.toString().contains(dir.toString()), "the health report shows no server path");

        HttpResponse<String> lead = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/v1/leads")).header("X-Api-Key", KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"pipeline": "sales", "stage": "incoming", "incomingStage": true, "source": "web_form",
                         "contacts": [{"name": "Maria Lopez", "primary": true, "emails": ["maria@x.io"]}]}
                        """)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, lead.statusCode(), lead.body());
        JsonNode decision = json.readTree(lead.body());
        assertEquals("created", decision.get("outcome").asText(), lead.body());
        assertTrue(decision.get("failures").toString().contains("java.util.HashSet"), lead.body());
        for (String email : List.of("ana@x.io", "ben@x.io")) {
            assertEquals(200, client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/leads"))
                    .header("X-Api-Key", KEY).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"pipeline": "sales", "stage": "incoming", "source": "web_form",
                             "contacts": [{"name": "Ana", "primary": true, "emails": ["%s"]}]}
                            """.formatted(email))).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        }

        server.destroy();
        server.waitFor();
        String logged = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(logged.contains("WARN  o.d.m.m.BigDataMatcherProvider - the BIG DATA method is unavailable, the "
                + "other methods go on: matchers.big_data.model " + bomb + ": classifier.bin holds a class that is not "
                + "allowed in a model: java.util.HashSet"), logged);
        assertEquals(1, logged.lines().filter(line -> line.contains("matcher big_data failed")).count(),
                "three leads, each failing on BIG DATA, and one warning in the first minute: " + logged);
        assertFalse(logged.contains("\tat org.dedup"), "no stack trace at WARN: " + logged);
        assertFalse(logged.contains("maria") || logged.contains("Lopez"), "no personal data in the log: " + logged);
    }

    /** Starts {@code dedup serve} and waits for it to say where it serves; fails with its log if it never does. */
    private int serve(Path config, Path log) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        // the logging configuration the jar ships, not the tests' logback-test.xml
        String logging = "-Dlogback.configurationFile=" + DedupCommand.class.getResource("/logback.xml");
        List<String> command = new ArrayList<>(List.of(java, logging, "-cp", System.getProperty("java.class.path"),
                DedupCommand.class.getName(), "--config", config.toString(), "serve"));
        server = new ProcessBuilder(command).redirectError(log.toFile()).start();
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> servingPort(server));
        try {
            return port.get(120, TimeUnit.SECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError("dedup serve did not start within 120 s; its log: "
                    + Files.readString(log, StandardCharsets.UTF_8), e);
        }
    }

    /** The port in the line {@code serve} prints once it serves; the stream stays open, as the server writes on. */
    private static int servingPort(Process process) {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher serving = SERVING.matcher(line);
                if (serving.find()) {
                    return Integer.parseInt(serving.group(1));
                }
            }
            throw new IllegalStateException("dedup serve ended without serving");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
