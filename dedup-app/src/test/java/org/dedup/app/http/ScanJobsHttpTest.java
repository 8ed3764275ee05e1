package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.app.config.HttpConfig;
import org.dedup.app.config.TenantConfig;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.BulkScans;
import org.dedup.domain.search.ScanJob;
import org.dedup.domain.search.ScanJobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scans over HTTP on PostgreSQL: one per tenant at a time, groups replaced atomically, jobs kept across restarts. */
class ScanJobsHttpTest {
    private static final String BUSY_KEY = "busy-key-0123456789";
    private static final String RESTART_KEY = "restart-key-0123456789";
    private static final String METHODS_KEY = "methods-key-0123456789";
    private static ServerOnPostgres server;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        server = ServerOnPostgres.start("scans", 4_096, List.of(
                new TenantConfig("busy", BUSY_KEY, List.of("email"), null, null, null, null),
                new TenantConfig("restart", RESTART_KEY, List.of("email"), null, null, null, null),
                new TenantConfig("methods", METHODS_KEY, List.of("email"), null, null, null, null)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private HttpResponse<String> post(String path, String key, String body) throws Exception {
        return server.send(server.request(path).header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(HttpApi api, String path, String key) throws Exception {
        return server.send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + api.port() + path))
                .header("X-Api-Key", key).GET());
    }

    /** Two leads of one person with different emails: duplicate control keeps both, bulk search groups them. */
    private void storeAGroupOfTwo(String key, String prefix) throws Exception {
        for (String email : List.of(prefix + "-1@x.io", prefix + "-2@x.io")) {
            assertEquals(200, post("/v1/leads", key, """
                    {"pipeline": "sales", "stage": "incoming", "source": "web_form",
                     "contacts": [{"name": "Ana %s", "primary": true, "emails": ["%s"],
                                   "phones": [{"type": "mobile", "number": "+1 415 555 2671"}]}]}
                    """.formatted(prefix, email)).statusCode());
        }
    }

    private JsonNode finished(HttpApi api, String key, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode status;
        do {
            status = json.readTree(get(api, "/v1/scans/" + id, key).body());
        } while (status.get("status").asText().equals("running") && System.nanoTime() < deadline);
        return status;
    }

    @Test
    void concurrentScansRunOneAtATimeAndReadersAlwaysSeeTheWholeGroups() throws Exception {
        storeAGroupOfTwo(BUSY_KEY, "busy");
        String first = json.readTree(post("/v1/scans", BUSY_KEY, "").body()).get("id").asText();
        assertEquals("done", finished(server.api, BUSY_KEY, first).get("status").asText());
        String groups = get(server.api, "/v1/groups", BUSY_KEY).body();
        assertEquals(1, json.readTree(groups).get("groups").size(), groups);

        ExecutorService threads = Executors.newFixedThreadPool(20);
        try {
            List<Future<HttpResponse<String>>> scans = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                scans.add(threads.submit(() -> post("/v1/scans", BUSY_KEY, "")));
            }
            List<Future<List<HttpResponse<String>>>> readers = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                readers.add(threads.submit(() -> {
                    List<HttpResponse<String>> seen = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        seen.add(get(server.api, "/v1/groups", BUSY_KEY));
                    }
                    return seen;
                }));
            }
            Set<String> started = new HashSet<>();
            List<String> namedAsRunning = new ArrayList<>();
            for (Future<HttpResponse<String>> scan : scans) {
                HttpResponse<String> answer = scan.get(60, TimeUnit.SECONDS);
                JsonNode body = json.readTree(answer.body());
                if (answer.statusCode() == 200) {
                    started.add(body.get("id").asText());
                } else {
                    assertEquals(409, answer.statusCode(), answer.body());
                    namedAsRunning.add(body.get("running").asText());
                }
            }
            for (Future<List<HttpResponse<String>>> reader : readers) {
                for (HttpResponse<String> seen : reader.get(60, TimeUnit.SECONDS)) {
                    assertEquals(200, seen.statusCode(), seen.body());
                    assertEquals(groups, seen.body(), "a reader saw another set of groups");
                }
            }
            for (String id : started) {
                assertEquals("done", finished(server.api, BUSY_KEY, id).get("status").asText());
            }
            assertFalse(started.isEmpty());
            assertTrue(started.containsAll(namedAsRunning), "a 409 names a scan that was started: " + namedAsRunning);
            assertEquals(groups, get(server.api, "/v1/groups", BUSY_KEY).body());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aScanByBothIsRunAndAnsweredWithItsMethod() throws Exception {
        storeAGroupOfTwo(METHODS_KEY, "both");
        JsonNode started = json.readTree(post("/v1/scans", METHODS_KEY, "{\"method\": \"both\"}").body());

        assertEquals("both", started.get("method").asText(), started.toString());
        assertEquals("done", finished(server.api, METHODS_KEY, started.get("id").asText()).get("status").asText());
        JsonNode groups = json.readTree(get(server.api, "/v1/groups", METHODS_KEY).body()).get("groups");
        assertEquals(1, groups.size(), groups.toString());
        assertFalse(groups.get(0).get("links").isEmpty(), "a group shows its links: " + groups);
    }

    @Test
    void aScanByAnUnknownMethodGetsBadRequestNamingTheMethods() throws Exception {
        HttpResponse<String> refused = post("/v1/scans", METHODS_KEY, "{\"method\": \"fuzzy\"}");

        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("rules, big_data, both"), refused.body());
    }

    @Test
    void aSecondScanOfATenantGetsConflictNamingTheRunningOne() throws Exception {
        ScanJobStore jobs = server.app.get(ScanJobStore.class);
        ScanJob running = ScanJob.running(new TenantId("restart"), Instant.now());
        jobs.startUnlessRunning(running);
        try {
            HttpResponse<String> second = post("/v1/scans", RESTART_KEY, "");

            assertEquals(409, second.statusCode(), second.body());
            assertEquals(running.id().toString(), json.readTree(second.body()).get("running").asText());
        } finally {
            jobs.end(running.ended(new ScanJob.Failed(Instant.now(), "ended by the test")));
        }
    }

    @Test
    void aScanRunningWhenTheServerStoppedIsShownAsInterruptedAfterARestart() throws Exception {
        storeAGroupOfTwo(RESTART_KEY, "restart");
        String done = json.readTree(post("/v1/scans", RESTART_KEY, "").body()).get("id").asText();
        assertEquals("done", finished(server.api, RESTART_KEY, done).get("status").asText());
        String groups = get(server.api, "/v1/groups", RESTART_KEY).body();
        // its server stopped more than a lease ago: nothing renewed its heartbeat since it started
        ScanJob left = ScanJob.running(new TenantId("restart"), Instant.now().minus(BulkScans.LEASE).minusSeconds(1));
        server.app.get(ScanJobStore.class).startUnlessRunning(left);

        try (HttpApi restarted = new HttpApi(HttpConfig.on(0, 4_096), List.of(new TenantConfig("restart",
                RESTART_KEY, List.of("email"), null, null, null, null)), server.app.apiServices())) {
            JsonNode interrupted = json.readTree(get(restarted, "/v1/scans/" + left.id(), RESTART_KEY).body());
            JsonNode earlier = json.readTree(get(restarted, "/v1/scans/" + done, RESTART_KEY).body());

            assertEquals("interrupted", interrupted.get("status").asText(), interrupted.toString());
            assertEquals("done", earlier.get("status").asText(), "a finished scan is still there");
            assertEquals(groups, get(restarted, "/v1/groups", RESTART_KEY).body(), "the groups are kept");
        }
        String again = json.readTree(post("/v1/scans", RESTART_KEY, "").body()).get("id").asText();
        assertEquals("done", finished(server.api, RESTART_KEY, again).get("status").asText());
    }
}
