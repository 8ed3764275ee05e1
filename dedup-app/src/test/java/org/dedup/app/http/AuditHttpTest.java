package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.app.config.TenantConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** GET /v1/merges and /v1/decisions, and who made each write, over HTTP on PostgreSQL. */
class AuditHttpTest {
    private static final String KEY = "audit-key-0123456789";
    private static final String OTHER = "other-key-0123456789";
    private static final String FILTERS = "filters-key-0123456789";
    private static ServerOnPostgres server;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        server = ServerOnPostgres.start("audit", 65_536, List.of(
                new TenantConfig("audit", KEY, List.of("email"), "GB", null, null, null),
                new TenantConfig("other", OTHER, List.of("email"), "GB", null, null, null),
                new TenantConfig("filters", FILTERS, List.of("email", "phone"), "GB", null, null, null)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path, String key, String body, String... headers)
            throws Exception {
        return server.send(method, path, key, body, headers);
    }

    private JsonNode ok(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    private JsonNode addLead(String email, String... headers) throws Exception {
        return ok(send("POST", "/v1/leads", KEY, """
                {"pipeline": "sales", "stage": "new", "source": "web_form",
                 "contacts": [{"name": "Ola Nordmann", "primary": true, "emails": ["%s"]}]}""".formatted(email),
                headers));
    }

    /** A lead of tenant "filters" (email and phone on) with an email, a phone, or both (null: left out). */
    private JsonNode addFiltersLead(String email, String phone) throws Exception {
        return ok(send("POST", "/v1/leads", FILTERS, """
                {"pipeline": "sales", "stage": "new", "source": "web_form",
                 "contacts": [{"name": "Ola Nordmann", "primary": true, "emails": [%s],
                               "phones": [%s]}]}""".formatted(email == null ? "" : "\"" + email + "\"",
                phone == null ? "" : "{\"type\": \"mobile\", \"number\": \"" + phone + "\"}")));
    }

    private List<String> decisionLeads(String key, String query) throws Exception {
        List<String> leads = new ArrayList<>();
        ok(send("GET", "/v1/decisions?" + query, key, null)).get("decisions")
                .forEach(d -> leads.add(d.get("decision").get("lead").asText()));
        return leads;
    }

    private static String unique() {
        return UUID.randomUUID() + "@x.io";
    }

    private JsonNode onlyMerge(String query) throws Exception {
        JsonNode merges = ok(send("GET", "/v1/merges?" + query, KEY, null)).get("merges");
        assertEquals(1, merges.size(), merges.toString());
        return merges.get(0);
    }

    @Nested
    class Merges {
        @Test
        void aManualMergeIsListedWithWhoMadeItItsBeforeImagesAndProvenanceAndWhoUndidIt() throws Exception {
            String survivor = addLead(unique()).get("lead").asText();
            String absorbed = addLead(unique()).get("lead").asText();
            String merge = ok(send("POST", "/v1/merges", KEY, "{\"leads\": [\"" + survivor + "\", \"" + absorbed
                    + "\"], \"survivor\": \"" + survivor + "\"}", "Dedup-Actor", "maria@acme")).get("merge").asText();

            JsonNode listed = onlyMerge("survivor=" + survivor);

            assertEquals(merge, listed.get("id").asText());
            assertEquals("maria@acme", listed.get("by").asText());
            assertEquals("manual", listed.get("method").asText());
            assertEquals("applied", listed.get("state").asText());
            assertEquals(2, listed.get("before").size());
            assertEquals(absorbed, listed.get("before").get(1).get("id").get("value").asText());
            assertTrue(listed.get("provenance").size() > 0, listed.toString());

            ok(send("POST", "/v1/merges/" + merge + "/undo", KEY, null, "Dedup-Actor", "ben@acme"));

            JsonNode undone = onlyMerge("survivor=" + survivor);
            assertEquals("undone", undone.get("state").asText());
            assertTrue(undone.get("undone").asBoolean());
            assertEquals("ben@acme", undone.get("undoneBy").asText());
        }

        @Test
        void aMergeByDuplicateControlIsByDuplicateControlAndTheMethodFilterTellsThemApart() throws Exception {
            String email = unique();
            String first = addLead(email).get("lead").asText();
            JsonNode decision = addLead(email);
            assertEquals("merged", decision.get("outcome").asText(), decision.toString());

            JsonNode listed = onlyMerge("survivor=" + first + "&method=duplicate_control");

            assertEquals("duplicate-control", listed.get("by").asText());
            assertEquals(0, ok(send("GET", "/v1/merges?survivor=" + first + "&method=manual", KEY, null))
                    .get("merges").size());
        }

        @Test
        void anotherTenantsMergesAreNotListed() throws Exception {
            String email = unique();
            String first = addLead(email).get("lead").asText();
            addLead(email);

            assertEquals(0, ok(send("GET", "/v1/merges?survivor=" + first, OTHER, null)).get("merges").size());
        }
    }

    @Nested
    class Decisions {
        @Test
        void everyDecisionOnALeadIsListedWithItsExplanation() throws Exception {
            String email = unique();
            String first = addLead(email).get("lead").asText();
            addLead(email);

            JsonNode decisions = ok(send("GET", "/v1/decisions?lead=" + first, KEY, null)).get("decisions");

            assertEquals(2, decisions.size(), decisions.toString());
            JsonNode merged = decisions.get(0).get("decision");
            assertEquals("merged", merged.get("outcome").asText(), "newest first");
            assertEquals("email", merged.get("candidates").get(0).get("method").asText());
            assertTrue(merged.get("candidates").get(0).get("explanation").size() > 0, merged.toString());
            assertEquals(1, ok(send("GET", "/v1/decisions?lead=" + first + "&outcome=created", KEY, null))
                    .get("decisions").size());
        }

        @Test
        void aLeadsArrivalIsLoggedWithWhoSentItTheActorHeaderOrElseTheApiKeysName() throws Exception {
            String named = addLead(unique(), "Dedup-Actor", "web-form@acme").get("lead").asText();
            String byKey = addLead(unique()).get("lead").asText();

            JsonNode namedDecisions = ok(send("GET", "/v1/decisions?lead=" + named, KEY, null)).get("decisions");
            JsonNode keyDecisions = ok(send("GET", "/v1/decisions?lead=" + byKey, KEY, null)).get("decisions");

            assertEquals("web-form@acme", namedDecisions.get(0).get("by").asText(), namedDecisions.toString());
            assertEquals("api-key:audit", keyDecisions.get(0).get("by").asText(), keyDecisions.toString());
        }

        @Test
        void aLeadUpdateIsLoggedWithWhoSentItTheActorHeaderOrElseTheApiKeysName() throws Exception {
            String lead = addLead(unique()).get("lead").asText();
            String body = """
                    {"pipeline": "sales", "stage": "new", "source": "web_form",
                     "contacts": [{"name": "Ola Nordmann", "primary": true, "emails": ["%s"]}]}""";

            ok(send("PUT", "/v1/leads/" + lead, KEY, body.formatted(unique()), "Dedup-Actor", "crm-sync@acme"));
            ok(send("PUT", "/v1/leads/" + lead, KEY, body.formatted(unique()), "If-Match", "\"1\""));

            JsonNode updates = ok(send("GET", "/v1/decisions?outcome=updated&lead=" + lead, KEY, null))
                    .get("decisions");
            assertEquals(2, updates.size(), updates.toString());
            assertEquals("api-key:audit", updates.get(0).get("by").asText(), updates.toString());
            assertEquals("crm-sync@acme", updates.get(1).get("by").asText(), updates.toString());
        }

        @Test
        void theMethodFilterListsTheDecisionsWithACandidateFoundByOneOfTheMethods() throws Exception {
            String email = unique();
            String phone = "+44 20 7946 0958";
            String first = addFiltersLead(email, phone).get("lead").asText();
            JsonNode byEmail = addFiltersLead(email, null);
            JsonNode byPhone = addFiltersLead(null, phone);
            assertEquals("email", byEmail.get("method").asText(), byEmail.toString());
            assertEquals("phone", byPhone.get("method").asText(), byPhone.toString());

            assertEquals(1, decisionLeads(FILTERS, "lead=" + first + "&method=email").size());
            assertEquals(1, decisionLeads(FILTERS, "lead=" + first + "&method=phone").size());
            assertEquals(2, decisionLeads(FILTERS, "lead=" + first + "&method=email,phone").size());
            assertEquals(3, decisionLeads(FILTERS, "lead=" + first).size(), "no method filter: every decision");
            assertEquals(0, decisionLeads(FILTERS, "lead=" + first + "&method=tracking_pixel").size());
        }

        @Test
        void theOutcomeTimeRangeAndLimitFiltersNarrowTheList() throws Exception {
            String email = unique();
            String first = addLead(email).get("lead").asText();
            addLead(email);
            addLead(email);
            JsonNode all = ok(send("GET", "/v1/decisions?lead=" + first, KEY, null)).get("decisions");
            assertEquals(3, all.size(), all.toString());
            String newest = all.get(0).get("at").asText();
            String oldest = all.get(2).get("at").asText();

            assertEquals(2, decisionLeads(KEY, "lead=" + first + "&outcome=merged").size());
            assertEquals(3, decisionLeads(KEY, "lead=" + first + "&outcome=merged,created").size());
            assertEquals(1, decisionLeads(KEY, "lead=" + first + "&to=" + all.get(1).get("at").asText()).size(),
                    "before 'to' only: the first decision");
            assertEquals(1, decisionLeads(KEY, "lead=" + first + "&from=" + newest).size(),
                    "at or after 'from': the newest");
            assertEquals(3, decisionLeads(KEY, "lead=" + first + "&from=" + oldest).size());
            assertEquals(2, decisionLeads(KEY, "lead=" + first + "&limit=2").size());
        }

        @Test
        void pagesHaveNoDecisionTwiceAndNoneSkippedWhenDecisionsAreMadeBetweenThem() throws Exception {
            for (int i = 0; i < 5; i++) {
                addLead(unique());
            }
            Set<String> expected = new HashSet<>();
            ok(send("GET", "/v1/decisions?limit=500", KEY, null)).get("decisions")
                    .forEach(d -> expected.add(d.get("id").asText()));
            List<String> read = new ArrayList<>();
            String next = null;
            int pages = 0;
            do {
                String cursor = next == null ? "" : "&after=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
                JsonNode page = ok(send("GET", "/v1/decisions?limit=2" + cursor, KEY, null));
                page.get("decisions").forEach(d -> read.add(d.get("id").asText()));
                next = page.get("next").isNull() ? null : page.get("next").asText();
                if (pages++ == 0) {
                    addLead(unique());
                }
            } while (next != null);

            assertEquals(read.size(), new HashSet<>(read).size(), "no decision twice");
            assertEquals(expected, new HashSet<>(read), "none skipped, the newer one not shifted into later pages");
        }
    }

    @Test
    void theOpenApiDocumentListsTheWorkspaceAndTheActorHeader() throws Exception {
        JsonNode openapi = json.readTree(server.send(server.request("/openapi.json").GET()).body());

        for (String path : List.of("/v1/review", "/v1/review/{id}", "/v1/review/{id}/merge",
                "/v1/review/{id}/not-duplicate", "/v1/review/{id}/dismiss", "/v1/merges/preview", "/v1/decisions",
                "/v1/settings/dry-run", "/v1/rules/dry-run")) {
            assertTrue(openapi.get("paths").has(path), path);
        }
        assertTrue(openapi.get("paths").get("/v1/merges").has("get"));
        assertEquals("Dedup-Actor", openapi.get("components").get("parameters").get("Actor").get("name").asText());
    }

    @Nested
    class BadInput {
        @Test
        void anUnknownOutcomeIsA400NamingIt() throws Exception {
            HttpResponse<String> response = send("GET", "/v1/decisions?outcome=exploded", KEY, null);

            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("'exploded'"), response.body());
        }

        @Test
        void aMethodThatIsNoMethodIdIsA400NamingTheParameter() throws Exception {
            HttpResponse<String> response = send("GET", "/v1/decisions?method=E-mail", KEY, null);

            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("'method'"), response.body());
        }

        @Test
        void anEmptyTimeRangeIsA400NamingBothEnds() throws Exception {
            HttpResponse<String> response = send("GET", "/v1/merges?from=2026-12-02T00:00:00Z"
                    + "&to=2026-12-01T00:00:00Z", KEY, null);

            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("from 2026-12-02T00:00:00Z"), response.body());
        }

        @Test
        void aTimeThatIsNoTimeIsA400NamingTheParameter() throws Exception {
            HttpResponse<String> response = send("GET", "/v1/decisions?from=yesterday", KEY, null);

            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("'from'"), response.body());
        }

        @Test
        void aMalformedCursorAndATooLargeLimitAreA400NamingThem() throws Exception {
            HttpResponse<String> cursor = send("GET", "/v1/merges?after=xyz", KEY, null);
            HttpResponse<String> limit = send("GET", "/v1/decisions?limit=501", KEY, null);

            assertEquals(400, cursor.statusCode(), cursor.body());
            assertTrue(cursor.body().contains("'after'"), cursor.body());
            assertEquals(400, limit.statusCode(), limit.body());
            assertTrue(limit.body().contains("'limit'"), limit.body());
        }

        @Test
        void aMethodFilterOnContactMergesIsA400SayingItAppliesToLeads() throws Exception {
            HttpResponse<String> response = send("GET", "/v1/merges?kind=contact&method=manual", KEY, null);

            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("lead merges only"), response.body());
        }
    }
}
