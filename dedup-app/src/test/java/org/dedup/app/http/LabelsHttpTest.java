package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.app.config.TenantConfig;
import org.dedup.domain.audit.AuditAction;
import org.dedup.domain.audit.AuditEvent;
import org.dedup.domain.audit.AuditTrail;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.RecordPair;
import org.dedup.matchers.spi.MatcherConfig;
import org.dedup.ml.matcher.LeadPersons;
import org.dedup.ml.record.LabelledPair;
import org.dedup.ml.record.RecordSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** GET /v1/labels/next and POST /v1/labels end to end: a real server over a fresh PostgreSQL schema. */
class LabelsHttpTest {
    private static final String ACME = "acme-labels-key-0123456789";
    private static final String GLOBEX = "globex-labels-key-0123456789";
    private static final String INITECH = "initech-labels-key-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LeadPersons PEOPLE = LeadPersons.configured(RecordSchema.people(),
            MatcherConfig.empty("big_data"));
    private static ServerOnPostgres server;

    @BeforeAll
    static void start() throws Exception {
        server = ServerOnPostgres.start("labels", 65_536, List.of(
                new TenantConfig("acme", ACME, List.of("email"), null, null, null, null),
                new TenantConfig("globex", GLOBEX, List.of("email"), null, null, null, null),
                new TenantConfig("initech", INITECH, List.of("email"), null, null, null, null)));
        String[][] people = {
                {"Maria Kowalski", "maria.k@mail.com", "+1 415 555 2671"},
                {"Maria Kowalsky", "maria.k@mail.com", "+1 415 555 2671"},
                {"Marie Kowalska", "marie.kowalska@post.pl", "+1 415 555 2672"},
                {"Oleg Petrov", "oleg@x.io", "+1 212 555 0199"},
                {"Olga Petrova", "olga@x.io", "+1 212 555 0199"},
                {"John Smith", "js@x.io", "+1 312 555 0111"},
                {"Jon Smith", "jsmith@y.io", "+1 312 555 0111"},
                {"Jonathan Smyth", "jsmyth@z.io", "+1 312 555 0112"}};
        for (String[] person : people) {
            ok(send("POST", "/v1/contacts", ACME, """
                    {"name": "%s", "emails": ["%s"], "phones": [{"type": "work", "number": "%s"}]}"""
                    .formatted(person[0], person[1], person[2])));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        return server.send(server.request(path).header("X-Api-Key", key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)));
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static JsonNode next(String key) throws Exception {
        return ok(send("GET", "/v1/labels/next", key, null));
    }

    private static String answer(JsonNode next, String answer) {
        return """
                {"first": {"kind": "%s", "id": "%s"}, "second": {"kind": "%s", "id": "%s"}, "answer": "%s"}"""
                .formatted(next.at("/first/kind").asText(), next.at("/first/id").asText(),
                        next.at("/second/kind").asText(), next.at("/second/id").asText(), answer);
    }

    /** The id part of a model record's id ({@code contact:<uuid>}). */
    private static String uuid(String recordId) {
        return recordId.substring(recordId.indexOf(':') + 1);
    }

    /** The tenant's answers as {@code train --tenant} learns them with the people model. */
    private static List<LabelledPair> answers(String tenant) {
        return server.app.get(LabelService.class).training(new TenantId(tenant), PEOPLE).answers();
    }

    private static Set<String> pair(JsonNode next) {
        return Set.of(next.at("/first/id").asText(), next.at("/second/id").asText());
    }

    @Nested
    class TheNextPair {
        @Test
        void showsBothRecordsTheModelsProbabilityAndTheExplanation() throws Exception {
            JsonNode next = next(ACME);

            assertFalse(next.get("done").asBoolean(), next.toString());
            assertEquals("contact", next.at("/first/kind").asText());
            assertEquals("contact", next.at("/second/kind").asText());
            assertFalse(next.at("/first/values/surname").asText().isEmpty(), next.toString());
            assertTrue(next.at("/first/emails").isArray(), next.toString());
            double probability = next.get("probability").asDouble();
            assertTrue(probability >= 0 && probability <= 1, next.toString());
            assertTrue(next.get("explanation").size() > 1, next.toString());
            assertTrue(next.at("/progress/candidates").asInt() > 1, next.toString());
        }

        @Test
        void isAnotherPairOnceThePairIsAnsweredAndTheAnswerCountsAsALabel() throws Exception {
            JsonNode first = next(ACME);
            int labelsBefore = first.at("/progress/labels").asInt();

            JsonNode stored = ok(send("POST", "/v1/labels", ACME, answer(first, "not_a_match")));
            JsonNode second = next(ACME);

            assertTrue(stored.get("stored").asBoolean());
            assertEquals(labelsBefore + 1, second.at("/progress/labels").asInt(), second.toString());
            assertNotEquals(pair(first), pair(second));
        }

        @Test
        void isNeverATenantsOwnPairForAnotherTenant() throws Exception {
            JsonNode globex = next(GLOBEX);

            assertTrue(globex.get("done").asBoolean(), globex.toString());
            assertEquals(0, globex.at("/progress/candidates").asInt());
        }
    }

    @Nested
    class AnAnswer {
        @Test
        void isTheTenantsLabelForTraining() throws Exception {
            JsonNode next = next(ACME);
            ok(send("POST", "/v1/labels", ACME, answer(next, "match")));
            ok(send("POST", "/v1/labels", ACME, answer(next, "match")));

            List<LabelledPair> labelled = answers("acme");

            assertTrue(labelled.stream().anyMatch(l -> l.match() && Set.of(uuid(l.pair().first().id()),
                    uuid(l.pair().second().id())).equals(pair(next))), labelled.toString());
            assertEquals(List.of(), answers("globex"));
        }

        @Test
        void isRecordedWithWhoGaveIt() throws Exception {
            JsonNode next = next(ACME);
            ok(server.send(server.request("/v1/labels").header("X-Api-Key", ACME).header("Dedup-Actor", "ann@acme")
                    .POST(HttpRequest.BodyPublishers.ofString(answer(next, "unsure")))));

            RecordPair pair = new RecordPair(
                    RecordRef.of(RecordKind.CONTACT, UUID.fromString(next.at("/first/id").asText())),
                    RecordRef.of(RecordKind.CONTACT, UUID.fromString(next.at("/second/id").asText())));
            List<AuditEvent> events = server.app.get(AuditTrail.class).about(new TenantId("acme"),
                    List.of(pair.toString()));

            assertTrue(events.stream().anyMatch(e -> e.action() == AuditAction.LABEL && e.actor().equals("ann@acme")),
                    events.toString());
        }

        @Test
        void aboutAnotherTenantsRecordsIsNotFound() throws Exception {
            JsonNode acmePair = next(ACME);

            HttpResponse<String> response = send("POST", "/v1/labels", GLOBEX, answer(acmePair, "match"));

            assertEquals(404, response.statusCode(), response.body());
            assertEquals(List.of(), answers("globex"));
        }

        @Test
        void thatIsNotMatchNotAMatchOrUnsureIsABadRequest() throws Exception {
            JsonNode next = next(ACME);
            String id = UUID.randomUUID().toString();

            for (String body : List.of(answer(next, "maybe"), answer(next, "").replace("\"answer\": \"\"", "\"x\": 1"),
                    "{\"first\": {\"kind\": \"contact\", \"id\": \"" + id + "\"}, \"answer\": \"match\"}",
                    "{\"first\": {\"kind\": \"contact\", \"id\": \"" + id + "\"}, \"second\": {\"kind\": \"contact\", "
                            + "\"id\": \"" + id + "\"}, \"answer\": \"match\"}",
                    "{\"first\": {\"kind\": \"deal\", \"id\": \"" + id + "\"}, \"second\": {\"kind\": \"contact\", "
                            + "\"id\": \"" + UUID.randomUUID() + "\"}, \"answer\": \"match\"}",
                    "{\"first\": ", "[]")) {
                HttpResponse<String> response = send("POST", "/v1/labels", ACME, body);
                assertEquals(400, response.statusCode(), body + " -> " + response.body());
            }
        }
    }

    @Test
    void aTenantsNotDuplicateMarksOfLeadsAndContactsCountAsLabelsEachPairOnce() throws Exception {
        String first = ok(send("POST", "/v1/leads", INITECH, """
                {"pipeline": "sales", "stage": "new", "contacts": [{"name": "Ann Lee", "emails": ["ann@lee.io"],
                 "primary": true}]}""")).get("lead").asText();
        String second = ok(send("POST", "/v1/leads", INITECH, """
                {"pipeline": "sales", "stage": "new", "contacts": [{"name": "Anne Lee", "emails": ["anne@lee.org"],
                 "primary": true}]}""")).get("lead").asText();
        ok(send("POST", "/v1/not-duplicates", INITECH, """
                {"first": {"kind": "lead", "id": "%s"}, "second": {"kind": "lead", "id": "%s"}}"""
                .formatted(first, second)));
        String[] contacts = new String[2];
        for (int i = 0; i < 2; i++) {
            contacts[i] = ok(send("POST", "/v1/contacts", INITECH, """
                    {"name": "Ben Okafor", "emails": ["ben%d@okafor.io"]}""".formatted(i))).get("id").asText();
        }
        ok(send("POST", "/v1/not-duplicates", INITECH, """
                {"first": {"kind": "contact", "id": "%s"}, "second": {"kind": "contact", "id": "%s"}}"""
                .formatted(contacts[0], contacts[1])));

        JsonNode next = next(INITECH);

        assertEquals(2, next.at("/progress/labels").asInt(), next.toString());
    }
}
