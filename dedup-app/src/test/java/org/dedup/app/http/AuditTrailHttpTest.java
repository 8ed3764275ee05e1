package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.app.config.TenantConfig;
import org.dedup.domain.audit.AuditAction;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.RecordPair;
import org.dedup.domain.search.ScanJob;
import org.dedup.domain.search.ScanJobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * GET /v1/audit over HTTP on PostgreSQL: every kind of write records who made it (the Dedup-Actor header, else the
 * API key's name) with what it wrote; a refused write records nothing; a tenant reads its own writes only, a page at
 * a time.
 */
class AuditTrailHttpTest {
    private static final String KEY = "trail-key-0123456789";
    private static final String OTHER = "elsewhere-key-0123456789";
    private static final String BY_KEY = "api-key:trail";
    /** Who makes the writes a test only needs in place, so that they are told apart from the writes it checks. */
    private static final String SETUP = "setup";
    private static final AtomicInteger PHONES = new AtomicInteger(1000);
    private static ServerOnPostgres server;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        server = ServerOnPostgres.start("audit_trail", 65_536, List.of(
                new TenantConfig("trail", KEY, List.of("email", "phone"), "GB", null, null, 1),
                new TenantConfig("elsewhere", OTHER, List.of("email"), "GB", null, null, null)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private JsonNode ok(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    private JsonNode setup(String method, String path, String body) throws Exception {
        return ok(server.send(method, path, KEY, body, "Dedup-Actor", SETUP));
    }

    /** The events {@code key}'s tenant lists with the query's filters. */
    private List<JsonNode> events(String key, String query) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        ok(server.send("GET", "/v1/audit?limit=500&" + query, key, null)).get("events").forEach(events::add);
        return events;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String actor() {
        return "maria-" + UUID.randomUUID() + "@acme";
    }

    private String lead() throws Exception {
        return ok(server.send("POST", "/v1/leads", KEY, """
                {"pipeline": "sales", "stage": "new", "source": "web_form",
                 "contacts": [{"name": "Ola Nordmann", "primary": true, "emails": ["%s@x.io"]}]}"""
                .formatted(UUID.randomUUID()))).get("lead").asText();
    }

    private static String leadPair(String first, String second) {
        return "{\"first\": {\"kind\": \"lead\", \"id\": \"" + first + "\"}, \"second\": {\"kind\": \"lead\", "
                + "\"id\": \"" + second + "\"}}";
    }

    private static String pairSubject(String first, String second) {
        return new RecordPair(RecordRef.of(RecordKind.LEAD, UUID.fromString(first)),
                RecordRef.of(RecordKind.LEAD, UUID.fromString(second))).toString();
    }

    private static String contact() {
        return "{\"name\": \"Ann Lee\", \"emails\": [\"" + UUID.randomUUID() + "@x.io\"]}";
    }

    private static String company() {
        return "{\"name\": \"Acme " + UUID.randomUUID() + "\", \"website\": \"acme.example\"}";
    }

    private static String webhook() {
        return "{\"url\": \"http://127.0.0.1:9/hook\", \"secret\": \"0123456789abcdef\"}";
    }

    private static final String SCHEDULE = "{\"cron\": \"0 0 2 * * *\", \"zone\": \"UTC\"}";

    /** The scan, once it ended: another may start only then. */
    private JsonNode finished(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode status;
        do {
            status = ok(server.send("GET", "/v1/scans/" + id, KEY, null));
        } while (status.get("status").asText().equals("running") && System.nanoTime() < deadline);
        return status;
    }

    /** The open review item of a lead that matched two stored leads, over the tenant's merge limit of one. */
    private String reviewItem() throws Exception {
        String email = UUID.randomUUID() + "@x.io";
        String phone = "+44 20 7946 " + String.format("%04d", PHONES.getAndIncrement());
        String body = """
                {"pipeline": "sales", "stage": "new", "source": "web_form",
                 "contacts": [{"name": "Maria Lopez", "primary": true, "emails": [%s], "phones": [%s]}]}""";
        ok(server.send("POST", "/v1/leads", KEY, body.formatted("\"" + email + "\"", "")));
        ok(server.send("POST", "/v1/leads", KEY, body.formatted("", "{\"type\": \"mobile\", \"number\": \"" + phone
                + "\"}")));
        JsonNode decision = ok(server.send("POST", "/v1/leads", KEY, body.formatted("\"" + email + "\"",
                "{\"type\": \"mobile\", \"number\": \"" + phone + "\"}")));
        assertEquals("skipped_too_many_matches", decision.get("outcome").asText(), decision.toString());
        String lead = decision.get("lead").asText();
        for (JsonNode item : ok(server.send("GET", "/v1/review?limit=500&source=too_many_matches", KEY, null))
                .get("items")) {
            if (item.get("records").toString().contains(lead)) {
                return item.get("id").asText();
            }
        }
        throw new AssertionError("no open item holds lead " + lead);
    }

    /** One write, made with {@code headers} (the actor header, or none); what it wrote, as the audit names it. */
    @FunctionalInterface
    private interface Write {
        String made(String... headers) throws Exception;
    }

    /** Each kind of write an HTTP request makes; the labels of the BIG DATA model are LabelsHttpTest's. */
    private Map<AuditAction, Write> writes() {
        Map<AuditAction, Write> writes = new EnumMap<>(AuditAction.class);
        writes.put(AuditAction.SETTINGS, headers -> {
            String stored = ok(server.send("GET", "/v1/settings", KEY, null)).toString();
            ok(server.send("PUT", "/v1/settings", KEY, stored, headers));
            return "settings";
        });
        writes.put(AuditAction.RULES, headers -> {
            String stored = ok(server.send("GET", "/v1/rules", KEY, null)).toString();
            ok(server.send("PUT", "/v1/rules", KEY, stored, headers));
            return "rules";
        });
        writes.put(AuditAction.MARK, headers -> {
            String first = lead();
            String second = lead();
            ok(server.send("POST", "/v1/not-duplicates", KEY, leadPair(first, second), headers));
            return pairSubject(first, second);
        });
        writes.put(AuditAction.UNMARK, headers -> {
            String first = lead();
            String second = lead();
            setup("POST", "/v1/not-duplicates", leadPair(first, second));
            ok(server.send("DELETE", "/v1/not-duplicates", KEY, leadPair(first, second), headers));
            return pairSubject(first, second);
        });
        writes.put(AuditAction.MERGE, headers -> {
            String survivor = lead();
            return ok(server.send("POST", "/v1/merges", KEY, "{\"leads\": [\"" + survivor + "\", \"" + lead()
                    + "\"], \"survivor\": \"" + survivor + "\"}", headers)).get("merge").asText();
        });
        writes.put(AuditAction.UNMERGE, headers -> {
            String survivor = lead();
            String merge = setup("POST", "/v1/merges", "{\"leads\": [\"" + survivor + "\", \"" + lead()
                    + "\"], \"survivor\": \"" + survivor + "\"}").get("merge").asText();
            ok(server.send("POST", "/v1/merges/" + merge + "/undo", KEY, null, headers));
            return merge;
        });
        writes.put(AuditAction.CONTACT_ADD, headers ->
                ok(server.send("POST", "/v1/contacts", KEY, contact(), headers)).get("id").asText());
        writes.put(AuditAction.CONTACT_UPDATE, headers -> {
            String id = setup("POST", "/v1/contacts", contact()).get("id").asText();
            ok(server.send("PUT", "/v1/contacts/" + id, KEY, contact(), headers));
            return id;
        });
        writes.put(AuditAction.COMPANY_ADD, headers ->
                ok(server.send("POST", "/v1/companies", KEY, company(), headers)).get("id").asText());
        writes.put(AuditAction.COMPANY_UPDATE, headers -> {
            String id = setup("POST", "/v1/companies", company()).get("id").asText();
            ok(server.send("PUT", "/v1/companies/" + id, KEY, company(), headers));
            return id;
        });
        writes.put(AuditAction.SCAN_START, headers -> {
            String id = ok(server.send("POST", "/v1/scans", KEY, "", headers)).get("id").asText();
            assertEquals("done", finished(id).get("status").asText());
            return id;
        });
        writes.put(AuditAction.SCHEDULE_SET, headers -> {
            ok(server.send("PUT", "/v1/scan-schedule", KEY, SCHEDULE, headers));
            return "scan-schedule";
        });
        writes.put(AuditAction.SCHEDULE_REMOVE, headers -> {
            setup("PUT", "/v1/scan-schedule", SCHEDULE);
            ok(server.send("DELETE", "/v1/scan-schedule", KEY, null, headers));
            return "scan-schedule";
        });
        writes.put(AuditAction.WEBHOOK_ADD, headers -> {
            String id = ok(server.send("POST", "/v1/webhooks", KEY, webhook(), headers)).get("id").asText();
            setup("DELETE", "/v1/webhooks/" + id, null);
            return id;
        });
        writes.put(AuditAction.WEBHOOK_REMOVE, headers -> {
            String id = setup("POST", "/v1/webhooks", webhook()).get("id").asText();
            ok(server.send("DELETE", "/v1/webhooks/" + id, KEY, null, headers));
            return id;
        });
        writes.put(AuditAction.REVIEW_MERGED, headers -> {
            String item = reviewItem();
            ok(server.send("POST", "/v1/review/" + item + "/merge", KEY, "{}", headers));
            return item;
        });
        writes.put(AuditAction.REVIEW_NOT_DUPLICATE, headers -> {
            String item = reviewItem();
            ok(server.send("POST", "/v1/review/" + item + "/not-duplicate", KEY, null, headers));
            return item;
        });
        writes.put(AuditAction.REVIEW_DISMISSED, headers -> {
            String item = reviewItem();
            ok(server.send("POST", "/v1/review/" + item + "/dismiss", KEY, null, headers));
            return item;
        });
        return writes;
    }

    @Test
    void everyKindOfWriteButTheModelsLabelsIsCheckedHere() {
        assertEquals(EnumSet.complementOf(EnumSet.of(AuditAction.LABEL)), writes().keySet());
    }

    @TestFactory
    Stream<DynamicTest> eachWriteIsListedWithTheActorHeaderOrElseTheApiKeysName() {
        return writes().entrySet().stream().map(write -> DynamicTest.dynamicTest(write.getKey().id(), () -> {
            String action = write.getKey().id();
            String actor = actor();
            String named = write.getValue().made("Dedup-Actor", actor);
            String byKey = write.getValue().made();

            List<JsonNode> namedEvents = events(KEY, "actor=" + encoded(actor) + "&action=" + action);
            List<JsonNode> keyEvents = events(KEY, "actor=" + BY_KEY + "&action=" + action + "&subject="
                    + encoded(byKey));
            assertEquals(1, namedEvents.size(), namedEvents.toString());
            assertEquals(named, namedEvents.getFirst().get("subject").asText());
            assertEquals(action, namedEvents.getFirst().get("action").asText());
            assertEquals(1, keyEvents.size(), "by the API key's name: " + keyEvents);
        }));
    }

    @Test
    void aRefusedWriteRecordsNothing() throws Exception {
        String actor = actor();
        String[] by = {"Dedup-Actor", actor};
        String contact = setup("POST", "/v1/contacts", contact()).get("id").asText();
        setup("PUT", "/v1/scan-schedule", SCHEDULE);
        setup("DELETE", "/v1/scan-schedule", null);
        ScanJobStore jobs = server.app.get(ScanJobStore.class);
        ScanJob running = ScanJob.running(new TenantId("trail"), Instant.now());
        jobs.startUnlessRunning(running);
        try {
            assertEquals(409, server.send("POST", "/v1/scans", KEY, "", by).statusCode(), "a scan runs");
        } finally {
            jobs.end(running.ended(new ScanJob.Failed(Instant.now(), "ended by the test")));
        }

        assertEquals(412, server.send("PUT", "/v1/contacts/" + contact, KEY, contact(), "Dedup-Actor", actor,
                "If-Match", "\"not-its-tag\"").statusCode());
        assertEquals(404, server.send("DELETE", "/v1/scan-schedule", KEY, null, by).statusCode());
        assertEquals(404, server.send("DELETE", "/v1/webhooks/" + UUID.randomUUID(), KEY, null, by).statusCode());
        assertEquals(400, server.send("POST", "/v1/webhooks", KEY, "{\"url\": \"ftp://x\", \"secret\": \"s\"}", by)
                .statusCode());
        String survivor = lead();
        assertEquals(404, server.send("POST", "/v1/merges", KEY, "{\"leads\": [\"" + survivor + "\", \""
                + UUID.randomUUID() + "\"], \"survivor\": \"" + survivor + "\"}", by).statusCode());
        assertEquals(400, server.send("POST", "/v1/merges/" + UUID.randomUUID() + "/undo", KEY, null, by).statusCode());
        assertEquals(400, server.send("PUT", "/v1/settings", KEY, "{\"methods\": [\"no such method\"]}", by)
                .statusCode());

        assertEquals(List.of(), events(KEY, "actor=" + encoded(actor)));
    }

    @Test
    void anotherTenantsWritesAreNeverListed() throws Exception {
        String actor = actor();
        String contact = ok(server.send("POST", "/v1/contacts", KEY, contact(), "Dedup-Actor", actor)).get("id")
                .asText();
        String theirs = ok(server.send("POST", "/v1/contacts", OTHER, contact(), "Dedup-Actor", actor)).get("id")
                .asText();

        List<JsonNode> listed = events(OTHER, "actor=" + encoded(actor));

        assertEquals(1, listed.size(), listed.toString());
        assertEquals(theirs, listed.getFirst().get("subject").asText());
        assertTrue(events(OTHER, "").stream().noneMatch(e -> e.get("subject").asText().equals(contact)));
        assertEquals(List.of(), events(OTHER, "subject=" + contact));
    }

    @Test
    void pagesListEveryWriteOnceNewestFirstWhenWritesAreMadeBetweenThem() throws Exception {
        String actor = actor();
        for (int i = 0; i < 5; i++) {
            ok(server.send("POST", "/v1/companies", KEY, company(), "Dedup-Actor", actor));
        }
        List<String> expected = events(KEY, "actor=" + encoded(actor)).stream().map(e -> e.get("id").asText())
                .toList();
        List<String> read = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            String cursor = next == null ? "" : "&after=" + encoded(next);
            JsonNode page = ok(server.send("GET", "/v1/audit?limit=2&actor=" + encoded(actor) + cursor, KEY, null));
            page.get("events").forEach(e -> {
                read.add(e.get("id").asText());
                times.add(Instant.parse(e.get("at").asText()));
            });
            next = page.get("next").isNull() ? null : page.get("next").asText();
            if (pages++ == 0) {
                ok(server.send("POST", "/v1/companies", KEY, company(), "Dedup-Actor", actor));
            }
        } while (next != null);

        assertEquals(5, expected.size());
        assertEquals(expected, read, "each once, none skipped, the newer one not shifted into later pages");
        assertEquals(times.stream().sorted((a, b) -> b.compareTo(a)).toList(), times, "newest first");
        assertEquals(3, pages);
    }

    @Nested
    class BadFilters {
        private void refused(String query, String named) throws Exception {
            HttpResponse<String> response = server.send("GET", "/v1/audit?" + query, KEY, null);

            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains(named), response.body());
        }

        @Test
        void anUnknownActionIsA400NamingItAndTheParameter() throws Exception {
            refused("action=merge,exploded", "'exploded'");
            refused("action=exploded", "'action'");
        }

        @Test
        void aTimeThatIsNoTimeIsA400NamingTheParameter() throws Exception {
            refused("since=yesterday", "'since'");
            refused("until=tomorrow", "'until'");
        }

        @Test
        void anEmptyTimeRangeIsA400NamingBothEnds() throws Exception {
            refused("since=2026-12-02T00:00:00Z&until=2026-12-01T00:00:00Z", "since 2026-12-02T00:00:00Z is not "
                    + "before until 2026-12-01T00:00:00Z");
        }

        @Test
        void anEmptyActorOrSubjectIsA400NamingIt() throws Exception {
            refused("actor=", "'actor'");
            refused("subject=", "'subject'");
        }

        @Test
        void aMalformedCursorAndATooLargeLimitAreA400NamingThem() throws Exception {
            refused("after=xyz", "'after'");
            refused("limit=501", "'limit'");
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheAuditList() throws Exception {
        JsonNode openapi = json.readTree(server.send(server.request("/openapi.json").GET()).body());
        JsonNode list = openapi.get("paths").get("/v1/audit").get("get");

        assertEquals("getAudit", list.get("operationId").asText());
        Set<String> parameters = new HashSet<>();
        list.get("parameters").forEach(p -> parameters.add(p.has("name") ? p.get("name").asText()
                : p.get("$ref").asText()));
        assertTrue(parameters.containsAll(List.of("actor", "action", "subject", "since", "until", "limit",
                "#/components/parameters/After")), parameters.toString());
        List<String> actions = new ArrayList<>();
        openapi.at("/components/schemas/AuditEvent/properties/action/enum").forEach(a -> actions.add(a.asText()));
        assertEquals(Stream.of(AuditAction.values()).map(AuditAction::id).toList(), actions);
        for (String write : List.of("/v1/contacts", "/v1/companies", "/v1/scans", "/v1/webhooks")) {
            assertTrue(openapi.get("paths").get(write).get("post").get("parameters").toString()
                    .contains("#/components/parameters/Actor"), write);
        }
    }
}
