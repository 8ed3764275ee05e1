package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.app.config.TenantConfig;
import org.dedup.domain.index.IndexJobStore;
import org.dedup.domain.index.LeadIndexing;
import org.dedup.domain.match.InstalledMatchers;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SettingsStore;
import org.dedup.domain.store.Transactor;
import org.dedup.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL, over HTTP: a tenant's leads are indexed for the methods it enables; enabling the tracking pixel
 * reindexes its earlier leads in the background (resumed by the next server after a restart), after which a new chat
 * with an old lead's pixel merges into it, and another tenant's leads are never touched.
 */
class ReindexHttpTest {
    private static final String ACME = "acme-key-0123456789";
    private static final String GLOBEX = "globex-key-0123456789";
    private final ObjectMapper json = new ObjectMapper();
    private ServerOnPostgres server;

    private static List<TenantConfig> tenants() {
        return List.of(new TenantConfig("acme", ACME, null, List.of("email"), null, null, "update_existing",
                        "update_all", 3, null, "GB", null),
                new TenantConfig("globex", GLOBEX, null, List.of("email"), null, null, "update_existing",
                        "update_all", 3, null, "GB", null));
    }

    @BeforeEach
    void start() throws IOException {
        server = ServerOnPostgres.start("reindex", 4_096, tenants());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String chat(String email, String pixel) {
        return """
                {"name": "Chat", "pipeline": "sales", "stage": "incoming", "source": "chat", "pixels": ["%s"],
                 "contacts": [{"name": "Maria Lopez", "primary": true, "emails": ["%s"]}]}
                """.formatted(pixel, email);
    }

    private JsonNode post(String key, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = server.send(server.request("/v1/leads").header("X-Api-Key", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    private void enablePixel() throws IOException, InterruptedException {
        HttpResponse<String> saved = server.send(server.request("/v1/settings").header("X-Api-Key", ACME)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"methods\": [\"email\", \"tracking_pixel\"], \"defaultRegion\": \"GB\"}")));
        assertEquals(200, saved.statusCode(), saved.body());
    }

    private JsonNode indexingOf(String method) throws IOException, InterruptedException {
        return server.indexing(ACME, method);
    }

    private List<String> keyRows(String tenant) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(TestPostgres.url(), TestPostgres.USER, TestPostgres.PASSWORD);
             Statement statement = db.createStatement();
             ResultSet found = statement.executeQuery("select namespace, key_value, lead_id from " + server.schema
                     + ".lead_key where tenant_id = '" + tenant + "' order by 1, 2, 3")) {
            while (found.next()) {
                rows.add(found.getString(1) + ":" + found.getString(2) + ":" + found.getString(3));
            }
        }
        return rows;
    }

    @Test
    void aTenantThatEnablesThePixelMergesANewChatIntoAnOldLeadWithItsPixelOnceTheReindexEnds() throws Exception {
        String old = post(ACME, chat("maria@x.io", "px-maria")).get("lead").asText();
        post(ACME, chat("ivan@x.io", "px-ivan"));
        post(GLOBEX, chat("maria@x.io", "px-maria"));
        List<String> globexKeys = keyRows("globex");
        assertTrue(keyRows("acme").stream().noneMatch(row -> row.startsWith("rule_pixel:")),
                "the pixel is not enabled: no pixel keys are stored");

        enablePixel();
        assertEquals("indexing", indexingOf("tracking_pixel").get("state").asText());
        assertEquals("indexed", indexingOf("email").get("state").asText());
        server.app.startBackgroundWork();
        JsonNode done = server.indexedAtLast(ACME, "tracking_pixel");

        assertEquals(List.of(2L, 2L), List.of(done.get("leadsIndexed").asLong(), done.get("leadsTotal").asLong()));
        JsonNode merged = post(ACME, chat("other@x.io", "px-maria"));
        assertEquals("merged", merged.get("outcome").asText(), merged.toString());
        assertEquals(old, merged.get("mergedInto").get(0).asText());
        assertEquals(globexKeys, keyRows("globex"), "another tenant's keys are never touched");
    }

    @Test
    void aReindexStoppedByARestartResumesAfterItsLastPageInTheNextServer() throws Exception {
        String old = post(ACME, chat("maria@x.io", "px-maria")).get("lead").asText();
        post(ACME, chat("ivan@x.io", "px-ivan"));
        post(ACME, chat("olga@x.io", "px-olga"));
        enablePixel();
        // one page of one lead, as a server that then stops would have indexed
        var app = server.app;
        LeadIndexing onePage = new LeadIndexing(app.get(LeadRepository.class), app.get(SettingsStore.class),
                app.get(IndexJobStore.class), app.get(InstalledMatchers.class), app.get(Transactor.class),
                Clock.offset(Clock.systemUTC(), LeadIndexing.SETTLE), Duration.ZERO, 1);
        assertTrue(onePage.indexNextPage());
        assertEquals(1, indexingOf("tracking_pixel").get("leadsIndexed").asLong());

        server = server.restarted(tenants());
        server.app.startBackgroundWork();
        JsonNode done = server.indexedAtLast(ACME, "tracking_pixel");

        assertEquals(3, done.get("leadsIndexed").asLong(), "the next server went on after the page indexed");
        JsonNode merged = post(ACME, chat("other@x.io", "px-maria"));
        assertEquals(old, merged.get("mergedInto").get(0).asText(), merged.toString());
    }
}
