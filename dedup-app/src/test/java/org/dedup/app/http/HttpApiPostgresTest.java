package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.app.DedupApplication;
import org.dedup.app.config.TenantConfig;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.LeadRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP API end to end: a real server on a random port over a fresh PostgreSQL schema. */
class HttpApiPostgresTest {
    private static final String ACME_KEY = "acme-key-0123456789";
    private static final String GLOBEX_KEY = "globex-key-0123456789";
    private static final String INITECH_KEY = "initech-key-0123456789";
    private static ServerOnPostgres server;
    private static DedupApplication app;
    private static HttpApi api;
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        server = ServerOnPostgres.start("http", 4_096, List.of(
                new TenantConfig("acme", ACME_KEY, List.of("email", "phone"), "GB", null, null, null),
                new TenantConfig("globex", GLOBEX_KEY, List.of("email"), null, null, null, null),
                new TenantConfig("initech", INITECH_KEY, List.of("email"), null, null, null, null)));
        app = server.app;
        api = server.api;
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> post(String path, String key, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String key) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .header("X-Api-Key", key).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String lead(String email, String phone) {
        return """
                {"name": "Web request", "pipeline": "sales", "stage": "incoming", "incomingStage": true,
                 "source": "web_form",
                 "contacts": [{"name": "Maria Lopez", "primary": true, "emails": ["%s"],
                               "phones": [{"type": "mobile", "number": "%s"}]}]}
                """.formatted(email, phone);
    }

    private long leads(String tenant) {
        return app.get(LeadRepository.class).count(new TenantId(tenant));
    }

    @Test
    void anIncomingLeadIsCreatedThenItsDuplicateIsMergedWithAnExplanation() throws Exception {
        HttpResponse<String> first = post("/v1/leads", ACME_KEY, lead("maria@x.io", "+44 20 7946 0958"));
        HttpResponse<String> second = post("/v1/leads", ACME_KEY, lead("other@x.io", "020 7946 0958"));

        assertEquals(200, first.statusCode(), first.body());
        JsonNode created = json.readTree(first.body());
        JsonNode merged = json.readTree(second.body());
        assertEquals("created", created.get("outcome").asText());
        assertEquals("merged", merged.get("outcome").asText());
        assertEquals(created.get("lead").asText(), merged.get("mergedInto").get(0).asText());
        assertEquals("phone", merged.get("candidates").get(0).get("explanation").get(0).get("field").asText());

        HttpResponse<String> undo = post("/v1/merges/" + merged.get("merges").get(0).asText() + "/undo", ACME_KEY, "");
        assertEquals(200, undo.statusCode(), undo.body());
        assertEquals("undone", json.readTree(undo.body()).get("state").asText());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstDecision() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/v1/leads"))
                .header("X-Api-Key", ACME_KEY).header("Idempotency-Key", "retry-1")
                .POST(HttpRequest.BodyPublishers.ofString(lead("retry@x.io", "+44 20 7946 0001"))).build();
        String first = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
        long before = leads("acme");
        String second = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
        assertEquals(first, second);
        assertEquals(before, leads("acme"));
    }

    @Test
    void badInputGetsAClearFourHundredAndStoresNothing() throws Exception {
        post("/v1/leads", ACME_KEY, lead("kept@x.io", "+44 20 7946 0002"));
        long before = leads("acme");

        HttpResponse<String> malformed = post("/v1/leads", ACME_KEY, "{\"name\": ");
        HttpResponse<String> unknown = post("/v1/leads", ACME_KEY, "{\"pipeline\":\"sales\",\"stage\":\"new\",\"colour\":1}");
        HttpResponse<String> badEmail = post("/v1/leads", ACME_KEY, lead("", "+44 20 7946 0003"));
        HttpResponse<String> badSource = post("/v1/leads", ACME_KEY, lead("a@x.io", "1").replace("web_form", "fax"));
        HttpResponse<String> oversized = post("/v1/leads", ACME_KEY, lead("x".repeat(5_000) + "@x.io", "1"));
        HttpResponse<String> noKey = post("/v1/leads", null, lead("a@x.io", "1"));

        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().contains("malformed JSON"), malformed.body());
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("unknown field 'colour'"), unknown.body());
        assertEquals(400, badEmail.statusCode());
        assertTrue(badEmail.body().contains("email"), badEmail.body());
        assertEquals(400, badSource.statusCode());
        assertTrue(badSource.body().contains("source 'fax'"), badSource.body());
        assertEquals(413, oversized.statusCode());
        assertEquals(401, noKey.statusCode());
        for (HttpResponse<String> response : List.of(malformed, unknown, badEmail, badSource, oversized, noKey)) {
            assertFalse(response.body().contains("Exception"), response.body());
        }
        assertEquals(before, leads("acme"));
    }

    @Test
    void aTenantCannotReadOrMatchAnotherTenantsLeads() throws Exception {
        JsonNode mine = json.readTree(post("/v1/leads", ACME_KEY, lead("secret@x.io", "+44 20 7946 0004")).body());
        HttpResponse<String> read = get("/v1/leads/" + mine.get("lead").asText(), GLOBEX_KEY);
        JsonNode theirs = json.readTree(post("/v1/leads", GLOBEX_KEY, lead("secret@x.io", "+44 20 7946 0004")).body());

        assertEquals(404, read.statusCode());
        assertEquals("created", theirs.get("outcome").asText());
        assertEquals(200, get("/v1/leads/" + mine.get("lead").asText(), ACME_KEY).statusCode());
    }

    private HttpResponse<String> put(String path, String key, String body) throws IOException, InterruptedException {
        return send("PUT", path, key, body);
    }

    private HttpResponse<String> delete(String path, String key, String body) throws IOException, InterruptedException {
        return send("DELETE", path, key, body);
    }

    private HttpResponse<String> send(String method, String path, String key, String body)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .header("X-Api-Key", key).method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String pair(String firstKind, String first, String secondKind, String second) {
        return "{\"first\":{\"kind\":\"%s\",\"id\":\"%s\"},\"second\":{\"kind\":\"%s\",\"id\":\"%s\"}}"
                .formatted(firstKind, first, secondKind, second);
    }

    private String createdLead(String key, String email) throws IOException, InterruptedException {
        return json.readTree(post("/v1/leads", key, lead(email, "+44 20 7946 0900")).body()).get("lead").asText();
    }

    @Test
    void aMarkOfARecordThatDoesNotExistGetsNotFoundAndIsNotStored() throws Exception {
        String lead = createdLead(INITECH_KEY, "exists@x.io");
        String missing = UUID.randomUUID().toString();

        HttpResponse<String> marked = post("/v1/not-duplicates", INITECH_KEY, pair("lead", lead, "contact", missing));
        HttpResponse<String> foreign = post("/v1/not-duplicates", GLOBEX_KEY,
                pair("lead", lead, "lead", createdLead(GLOBEX_KEY, "theirs@x.io")));

        assertEquals(404, marked.statusCode(), marked.body());
        assertTrue(marked.body().contains(missing), marked.body());
        assertEquals(404, foreign.statusCode(), "another tenant's lead: " + foreign.body());
        assertFalse(get("/v1/not-duplicates", INITECH_KEY).body().contains(missing));
    }

    @Test
    void marksAreListedPageByPageAndCanBeRemoved() throws Exception {
        String a = createdLead(INITECH_KEY, "page-a@x.io");
        String b = createdLead(INITECH_KEY, "page-b@x.io");
        String c = createdLead(INITECH_KEY, "page-c@x.io");
        for (String body : List.of(pair("lead", a, "lead", b), pair("lead", a, "lead", c), pair("lead", c, "lead", b))) {
            assertEquals(200, post("/v1/not-duplicates", INITECH_KEY, body).statusCode());
        }
        int before = json.readTree(get("/v1/not-duplicates?limit=1000", INITECH_KEY).body()).get("marks").size();

        List<JsonNode> listed = new java.util.ArrayList<>();
        String next = null;
        do {
            JsonNode page = json.readTree(get("/v1/not-duplicates?limit=2" + (next == null ? "" : "&after=" + next),
                    INITECH_KEY).body());
            assertTrue(page.get("marks").size() <= 2, page.toString());
            page.get("marks").forEach(listed::add);
            next = page.get("next").isNull() ? null : page.get("next").asText();
        } while (next != null);
        HttpResponse<String> removed = delete("/v1/not-duplicates", INITECH_KEY, pair("lead", b, "lead", a));
        HttpResponse<String> again = delete("/v1/not-duplicates", INITECH_KEY, pair("lead", b, "lead", a));

        assertEquals(before, listed.size());
        assertEquals(before, listed.stream().map(JsonNode::toString).distinct().count(), "each mark once");
        assertEquals(200, removed.statusCode(), removed.body());
        assertEquals(404, again.statusCode(), again.body());
        assertEquals(before - 1, json.readTree(get("/v1/not-duplicates?limit=1000", INITECH_KEY).body()).get("marks")
                .size());
        assertEquals(400, get("/v1/not-duplicates?limit=0", INITECH_KEY).statusCode());
        assertEquals(400, get("/v1/not-duplicates?after=not-a-cursor", INITECH_KEY).statusCode());
    }

    @Test
    void anUndoneMergeIsMarkedNotADuplicateUnlessTheCallerSaysOtherwise() throws Exception {
        String first = createdLead(INITECH_KEY, "undo-1@x.io");
        String second = createdLead(INITECH_KEY, "undo-2@x.io");
        String third = createdLead(INITECH_KEY, "undo-3@x.io");
        String merge = "{\"leads\":[\"%s\",\"%s\"],\"survivor\":\"%s\"}";

        String marked = json.readTree(post("/v1/merges", INITECH_KEY, merge.formatted(first, second, first)).body())
                .get("merge").asText();
        HttpResponse<String> undo = post("/v1/merges/" + marked + "/undo", INITECH_KEY, "");
        String unmarked = json.readTree(post("/v1/merges", INITECH_KEY, merge.formatted(first, third, first)).body())
                .get("merge").asText();
        HttpResponse<String> undoUnmarked = post("/v1/merges/" + unmarked + "/undo?markNotDuplicate=false",
                INITECH_KEY, "");

        assertEquals(200, undo.statusCode(), undo.body());
        assertTrue(json.readTree(undo.body()).get("markedNotDuplicate").asBoolean());
        assertFalse(json.readTree(undoUnmarked.body()).get("markedNotDuplicate").asBoolean());
        String marks = get("/v1/not-duplicates?limit=1000", INITECH_KEY).body();
        assertEquals(404, delete("/v1/not-duplicates", INITECH_KEY, pair("lead", first, "lead", third)).statusCode(),
                marks);
        assertEquals(200, delete("/v1/not-duplicates", INITECH_KEY, pair("lead", second, "lead", first)).statusCode(),
                marks);
    }

    @Test
    void aLeadUpdateIsStoredAsTheNextVersionAndAStaleOrForeignUpdateIsRefused() throws Exception {
        String id = json.readTree(post("/v1/leads", ACME_KEY, lead("update@x.io", "+44 20 7946 0005")).body())
                .get("lead").asText();
        String changed = lead("update@x.io", "+44 20 7946 0005").replace("Maria Lopez", "Maria Lopez-Garcia");

        HttpResponse<String> updated = put("/v1/leads/" + id, ACME_KEY, changed);
        HttpResponse<String> stale = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port()
                        + "/v1/leads/" + id)).header("X-Api-Key", ACME_KEY).header("If-Match", "0")
                .PUT(HttpRequest.BodyPublishers.ofString(changed)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> foreign = put("/v1/leads/" + id, GLOBEX_KEY, changed);

        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals("updated", json.readTree(updated.body()).get("outcome").asText());
        JsonNode stored = json.readTree(get("/v1/leads/" + id, ACME_KEY).body());
        assertEquals(1, stored.get("version").asLong());
        assertTrue(stored.toString().contains("Maria Lopez-Garcia"), stored.toString());
        assertEquals(412, stale.statusCode(), stale.body());
        assertEquals(404, foreign.statusCode(), foreign.body());
    }

    @Test
    void checkOnSaveScanGroupsAndNotADuplicateWorkOverHttp() throws Exception {
        JsonNode a = json.readTree(post("/v1/leads", GLOBEX_KEY, lead("scan@x.io", "+1 415 555 2671")).body());
        assertEquals("created", a.get("outcome").asText());
        JsonNode check = json.readTree(post("/v1/check", GLOBEX_KEY, lead("SCAN@x.io", "+1 415 555 0000")).body());
        assertEquals(a.get("lead").asText(), check.get("candidates").get(0).get("lead").asText());

        JsonNode scan = json.readTree(post("/v1/scans", GLOBEX_KEY, "").body());
        JsonNode status = scan;
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (status.get("status").asText().equals("running") && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            status = json.readTree(get("/v1/scans/" + scan.get("id").asText(), GLOBEX_KEY).body());
        }
        assertEquals("done", status.get("status").asText(), status.toString());
        assertEquals(404, get("/v1/scans/" + scan.get("id").asText(), ACME_KEY).statusCode(), "another tenant's scan");
        assertEquals(200, get("/v1/groups", GLOBEX_KEY).statusCode());

        String pair = pair("lead", a.get("lead").asText(), "lead", createdLead(GLOBEX_KEY, "other-scan@x.io"));
        assertEquals(200, post("/v1/not-duplicates", GLOBEX_KEY, pair).statusCode());
        assertEquals(400, post("/v1/not-duplicates", GLOBEX_KEY, "{\"first\":{\"kind\":\"deal\",\"id\":\"%s\"},\"second\":null}"
                .formatted(UUID.randomUUID())).statusCode());
    }

    @Test
    void aManualMergeAndItsUndoWorkOverHttp() throws Exception {
        String first = json.readTree(post("/v1/leads", ACME_KEY, lead("m1@x.io", "+44 20 7946 0101")).body())
                .get("lead").asText();
        String second = json.readTree(post("/v1/leads", ACME_KEY, lead("m2@x.io", "+44 20 7946 0102")).body())
                .get("lead").asText();
        HttpResponse<String> merge = post("/v1/merges", ACME_KEY,
                "{\"leads\":[\"%s\",\"%s\"],\"survivor\":\"%s\"}".formatted(first, second, first));
        assertEquals(200, merge.statusCode(), merge.body());
        assertEquals(404, get("/v1/leads/" + second, ACME_KEY).statusCode());
        assertEquals(200, post("/v1/merges/" + json.readTree(merge.body()).get("merge").asText() + "/undo", ACME_KEY, "")
                .statusCode());
        assertEquals(200, get("/v1/leads/" + second, ACME_KEY).statusCode());
    }

    @Test
    void rulesAreReadAndReplacedPerTenant() throws Exception {
        assertTrue(get("/v1/rules", ACME_KEY).body().contains("Contact: full name and email"), "preconfigured");
        HttpResponse<String> saved = put("/v1/rules", ACME_KEY,
                "[{\"name\":\"Lead: email only\",\"objects\":[\"lead\"],\"fields\":[\"email\"]}]");
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals(1, json.readTree(get("/v1/rules", ACME_KEY).body()).size());
        assertEquals(400, put("/v1/rules", ACME_KEY, "[{\"name\":\"x\",\"objects\":[\"deal\"],\"fields\":[\"email\"]}]")
                .statusCode());
        assertTrue(get("/v1/rules", GLOBEX_KEY).body().contains("Contact: full name and email"), "other tenant unchanged");
        put("/v1/rules", ACME_KEY, "[]");
    }

    @Test
    void metricsAndTheOpenApiDocumentAreServed() throws Exception {
        post("/v1/leads", ACME_KEY, lead("metrics@x.io", "+44 20 7946 0200"));
        HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + api.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(metrics.body().contains("dedup_decisions_total"), metrics.body());
        assertTrue(metrics.body().contains("dedup_http_requests_seconds_count"), metrics.body());
        JsonNode openapi = json.readTree(client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + api.port() + "/openapi.json")).build(), HttpResponse.BodyHandlers.ofString()).body());
        for (String path : List.of("/v1/leads", "/v1/check", "/v1/scans", "/v1/groups", "/v1/not-duplicates", "/v1/merges",
                "/v1/rules")) {
            assertTrue(openapi.get("paths").has(path), path);
        }
    }

    @Test
    void settingsAreReadAndReplacedAndAnInvalidOptionIsNamed() throws Exception {
        HttpResponse<String> saved = put("/v1/settings", GLOBEX_KEY, """
                {"methods": ["email", "phone", "tracking_pixel"], "conflictPolicy": "keep_existing",
                 "multiMatchPolicy": "update_all", "mergeLimit": 4, "scope": {"sales": ["incoming"]},
                 "matchedFields": [{"key": "inn", "type": "numeric", "level": "lead"}],
                 "afterMergeTask": {"text": "Call back", "dueInMinutes": 60, "responsible": "team"},
                 "defaultRegion": "DE", "emailFolding": "gmail_dots_and_plus"}
                """);
        assertEquals(200, saved.statusCode(), saved.body());
        JsonNode settings = json.readTree(get("/v1/settings", GLOBEX_KEY).body());
        assertEquals("keep_existing", settings.get("conflictPolicy").asText());
        assertEquals(4, settings.get("mergeLimit").asInt());
        assertEquals("Call back", settings.get("afterMergeTask").get("text").asText());

        HttpResponse<String> invalid = put("/v1/settings", GLOBEX_KEY, "{\"multiMatchPolicy\": \"merge_everything\"}");
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.body().contains("multiMatchPolicy 'merge_everything'"), invalid.body());
        HttpResponse<String> dateField = put("/v1/settings", GLOBEX_KEY,
                "{\"matchedFields\": [{\"key\": \"birthday\", \"type\": \"date\"}]}");
        assertEquals(400, dateField.statusCode());
        assertTrue(dateField.body().contains("only TEXT or NUMERIC"), dateField.body());
        assertEquals(4, json.readTree(get("/v1/settings", GLOBEX_KEY).body()).get("mergeLimit").asInt(), "unchanged");
        put("/v1/settings", GLOBEX_KEY, "{\"methods\": [\"email\"]}");
    }
}
