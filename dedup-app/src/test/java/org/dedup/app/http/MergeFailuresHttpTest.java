package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.app.config.DedupConfig;
import org.dedup.app.config.TenantConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A manual merge and its undo over HTTP say which matchers failed on the records they wrote, as a decision does:
 * here the BIG DATA method, whose model file is broken, fails on every lead while the merge goes on.
 */
class MergeFailuresHttpTest {
    private static final String ACME = "acme-key-0123456789";
    @TempDir
    static Path dir;
    private static ServerOnPostgres server;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        Path broken = Files.write(dir.resolve("model.zip"), new byte[] {'P', 'K', 3, 4, 0, 0, 0});
        server = ServerOnPostgres.start("mergefail", List.of(
                new TenantConfig("acme", ACME, List.of("email", "big_data"), "GB", null, null, null)),
                c -> new DedupConfig(c.database(), c.http(), c.tenants(), c.pluginsDir(),
                        Map.of("big_data", Map.of("model", broken.toString())), c.limits(), c.schedules(),
                        c.webhooks(), c.reindex()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> response = server.send(server.request(path)
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("X-Api-Key", ACME));
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    private String addLead(String name, String email) throws Exception {
        return post("/v1/leads", """
                {"name": "%s", "pipeline": "sales", "stage": "new",
                 "contacts": [{"name": "%s", "primary": true, "emails": ["%s"]}]}"""
                .formatted(name, name, email)).get("lead").asText();
    }

    @Test
    void aMergeAndItsUndoNameTheMatcherThatFailed() throws Exception {
        String a = addLead("Ann Old", "ann.old@x.io");
        String b = addLead("Bob New", "bob.new@x.io");

        JsonNode merged = post("/v1/merges", """
                {"leads": ["%s", "%s"], "survivor": "%s"}""".formatted(a, b, a));
        JsonNode undone = post("/v1/merges/" + merged.get("merge").asText() + "/undo", "");

        assertFalse(merged.get("failures").isEmpty(), merged.toString());
        String failure = merged.get("failures").get(0).asText();
        assertTrue(failure.startsWith("big_data: ") && failure.contains("the BIG DATA method is unavailable"),
                merged.toString());
        assertFalse(undone.get("failures").isEmpty(), undone.toString());
        assertTrue(undone.get("failures").get(0).asText().startsWith("big_data: "), undone.toString());
        assertEquals("undone", undone.get("state").asText());
    }
}
