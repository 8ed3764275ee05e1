package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dedup.app.config.TenantConfig;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.MergeJournal;
import org.dedup.domain.merge.SurvivorshipPolicy;
import org.dedup.domain.model.TenantId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /v1/merges/preview shows exactly the record the merge it previews leaves, over HTTP on PostgreSQL. */
class MergePreviewHttpTest {
    static final String ACME = "acme-key-0123456789";
    static final String GLOBEX = "globex-key-0123456789";
    private static ServerOnPostgres server;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        server = ServerOnPostgres.start("preview", 65_536, List.of(
                new TenantConfig("acme", ACME, List.of("email"), "GB", null, null, null),
                new TenantConfig("globex", GLOBEX, List.of("email"), "GB", null, null, null)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private HttpResponse<String> post(String path, String key, String body) throws Exception {
        return server.send(server.request(path).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("X-Api-Key", key));
    }

    private JsonNode ok(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    private JsonNode get(String path) throws Exception {
        return ok(server.send(server.request(path).GET().header("X-Api-Key", ACME)));
    }

    private String addLead(String name, String source, String stage, String email, String fields) throws Exception {
        return ok(post("/v1/leads", ACME, """
                {"name": "%s", "pipeline": "sales", "stage": "%s", "source": "%s", "fields": {%s},
                 "contacts": [{"name": "%s", "primary": true, "emails": ["%s"]}]}"""
                .formatted(name, stage, source, fields, name, email))).get("lead").asText();
    }

    /** Four leads where each rule picks another name: oldest, most complete, from a chat, newest. */
    private List<String> fourLeads(String rule) throws Exception {
        String tag = rule + "-" + UUID.randomUUID();
        List<String> leads = new ArrayList<>();
        leads.add(addLead("Ann Old", "api", "new", "old-" + tag + "@x.io", "\"budget\": \"10\""));
        leads.add(addLead("Ann Full", "import", "won", "full-" + tag + "@x.io",
                "\"budget\": \"20\", \"city\": \"Leeds\", \"size\": \"9\""));
        leads.add(addLead("Ann Chat", "chat", "lost", "chat-" + tag + "@x.io", ""));
        leads.add(addLead("Ann New", "web_form", "qualified", "new-" + tag + "@x.io", "\"budget\": \"40\""));
        return leads;
    }

    private static String leadMerge(List<String> leads, String rule) {
        return "{\"leads\": [\"" + String.join("\", \"", leads) + "\"], \"survivor\": \"" + leads.getFirst()
                + "\", \"rule\": \"" + rule + "\"}";
    }

    private static JsonNode values(JsonNode record) {
        ObjectNode copy = record.deepCopy();
        copy.remove("version");
        copy.remove("updatedAt");
        return copy;
    }

    @Nested
    class Leads {
        @ParameterizedTest
        @ValueSource(strings = {"newest", "oldest", "most_complete", "source_priority"})
        void aPreviewEqualsTheMergeItPreviewsFieldForField(String rule) throws Exception {
            List<String> leads = fourLeads(rule);
            JsonNode preview = ok(post("/v1/merges/preview", ACME, leadMerge(leads, rule)));
            String merge = ok(post("/v1/merges", ACME, leadMerge(leads, rule))).get("merge").asText();

            assertEquals(values(preview.get("record")), values(get("/v1/leads/" + leads.getFirst())));
            var journaled = server.app.get(MergeJournal.class).find(new TenantId("acme"),
                    new MergeId(UUID.fromString(merge))).orElseThrow().provenance();
            List<String> previewed = new ArrayList<>();
            preview.get("fields").forEach(f -> previewed.add(f.get("field").asText() + "=" + f.get("value").asText()
                    + " from " + f.get("source").get("id").asText() + " by " + f.get("rule").asText()));
            assertEquals(journaled.stream().map(p -> p.field() + "=" + p.value() + " from " + p.source().value()
                    + " by " + SurvivorshipPolicy.nameOf(p.rule())).toList(), previewed);
        }

        @ParameterizedTest
        @ValueSource(strings = {"newest:Ann New", "oldest:Ann Old", "most_complete:Ann Full",
                "source_priority:Ann Chat"})
        void eachRuleNamedPicksTheNameItsRuleRanksFirst(String ruleAndName) throws Exception {
            String rule = ruleAndName.split(":")[0];
            JsonNode preview = ok(post("/v1/merges/preview", ACME, leadMerge(fourLeads(rule), rule)));

            assertEquals(ruleAndName.split(":")[1], preview.get("record").get("name").asText());
            JsonNode name = preview.get("fields").get(0);
            assertEquals("name", name.get("field").asText());
            assertEquals(rule, name.get("rule").asText());
        }

        @Test
        void aPreviewWritesNothing() throws Exception {
            List<String> leads = fourLeads("nothing");
            JsonNode before = get("/v1/leads/" + leads.get(1));

            ok(post("/v1/merges/preview", ACME, leadMerge(leads, "newest")));

            assertEquals(before, get("/v1/leads/" + leads.get(1)));
            assertEquals(before.get("version"), get("/v1/leads/" + leads.get(1)).get("version"));
        }

        @Test
        void anUnknownRuleIsA400NamingIt() throws Exception {
            List<String> leads = fourLeads("unknown");
            for (String path : List.of("/v1/merges/preview", "/v1/merges")) {
                HttpResponse<String> response = post(path, ACME, leadMerge(leads, "loudest"));

                assertEquals(400, response.statusCode(), response.body());
                assertTrue(response.body().contains("unknown survivorship rule 'loudest'"), response.body());
            }
        }

        @Test
        void anotherTenantsLeadIsA404() throws Exception {
            List<String> leads = fourLeads("tenant");

            HttpResponse<String> response = post("/v1/merges/preview", GLOBEX, leadMerge(leads, "newest"));

            assertEquals(404, response.statusCode(), response.body());
            assertTrue(response.body().contains(leads.getFirst()), response.body());
        }
    }

    @Nested
    class ContactsAndCompanies {
        private String addContact(String name, String email, String field) throws Exception {
            return ok(post("/v1/contacts", ACME, """
                    {"name": "%s", "emails": ["%s"], "fields": {%s}}""".formatted(name, email, field)))
                    .get("id").asText();
        }

        private String addCompany(String name, String website) throws Exception {
            // a company without a website has no info@ address: "info@" alone is not an email (400)
            String emails = website.isEmpty() ? "" : "\"info@" + website + "\"";
            return ok(post("/v1/companies", ACME, """
                    {"name": "%s", "website": "%s", "emails": [%s]}""".formatted(name, website, emails)))
                    .get("id").asText();
        }

        private String merge(String kind, List<String> records, String choices) {
            return "{\"kind\": \"" + kind + "\", \"records\": [\"" + String.join("\", \"", records)
                    + "\"], \"survivor\": \"" + records.getFirst() + "\", \"choices\": {" + choices + "}}";
        }

        @Test
        void aContactPreviewEqualsTheContactMerge() throws Exception {
            String tag = UUID.randomUUID().toString();
            List<String> contacts = List.of(addContact("Bea", "a-" + tag + "@x.io", ""),
                    addContact("Bea Ray", "b-" + tag + "@x.io", "\"rank\": \"gold\""),
                    addContact("Bea R.", "c-" + tag + "@x.io", "\"rank\": \"tin\", \"tier\": \"2\""));
            String body = merge("contact", contacts, "\"custom.rank\": \"" + contacts.get(1) + "\"");

            JsonNode preview = ok(post("/v1/merges/preview", ACME, body));
            ok(post("/v1/contacts/merges", ACME, body));

            assertEquals(preview.get("record"), get("/v1/contacts/" + contacts.getFirst()));
            assertEquals("gold", preview.get("record").get("customFields").get("rank").get("value").asText(),
                    preview.toString());
        }

        @Test
        void aCompanyPreviewEqualsTheCompanyMerge() throws Exception {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            List<String> companies = List.of(addCompany("Initech", ""), addCompany("Initech Ltd", tag + ".io"));
            String body = merge("company", companies, "");

            JsonNode preview = ok(post("/v1/merges/preview", ACME, body));
            ok(post("/v1/companies/merges", ACME, body));

            assertEquals(preview.get("record"), get("/v1/companies/" + companies.getFirst()));
            assertEquals(tag + ".io", preview.get("record").get("website").asText(), preview.toString());
        }

        @Test
        void aRuleNamedForContactsIsA400SayingItAppliesToLeadsOnly() throws Exception {
            String tag = UUID.randomUUID().toString();
            List<String> contacts = List.of(addContact("A", "ra-" + tag + "@x.io", ""),
                    addContact("B", "rb-" + tag + "@x.io", ""));
            String body = merge("contact", contacts, "").replace("}}", "}, \"rule\": \"newest\"}");

            HttpResponse<String> response = post("/v1/merges/preview", ACME, body);

            assertEquals(400, response.statusCode(), response.body());
            assertTrue(response.body().contains("applies to lead merges only"), response.body());
        }
    }
}
