package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.dedup.app.DedupApplication;
import org.dedup.app.config.TenantConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /v1/contacts, /v1/companies and their merges end to end: a real server over a fresh PostgreSQL schema. */
class ContactsAndCompaniesApiTest {
    private static final String ACME = "acme-key-0123456789";
    private static final String GLOBEX = "globex-key-0123456789";
    private static final String INITECH = "initech-key-0123456789";
    private static ServerOnPostgres server;
    private static DedupApplication app;
    private static HttpApi api;
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        server = ServerOnPostgres.start("parties", 65_536, List.of(
                new TenantConfig("acme", ACME, List.of("email"), "GB", null, null, null),
                new TenantConfig("globex", GLOBEX, List.of("email"), null, null, null, null),
                new TenantConfig("initech", INITECH, List.of("custom_field"), null, null, null, null)));
        app = server.app;
        api = server.api;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("X-Api-Key", key).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(String method, String path, String key, String body) throws Exception {
        HttpResponse<String> response = send(method, path, key, body);
        assertEquals(200, response.statusCode(), method + " " + path + ": " + response.body());
        return json.readTree(response.body());
    }

    private String addContact(String key, String name, String email, String phone) throws Exception {
        return ok("POST", "/v1/contacts", key, """
                {"name": "%s", "emails": ["%s"], "phones": [{"type": "work", "number": "%s"}],
                 "fields": {"rank": "%s"}}""".formatted(name, email, phone, name.toLowerCase()))
                .get("id").asText();
    }

    private String addCompany(String name, String website) throws Exception {
        return ok("POST", "/v1/companies", ACME, """
                {"name": "%s", "website": "%s", "emails": ["info@%s"]}""".formatted(name, website, website))
                .get("id").asText();
    }

    private String addLead(String key, String contacts, String companies) throws Exception {
        return ok("POST", "/v1/leads", key, """
                {"pipeline": "sales", "stage": "new", "contacts": [%s], "companies": [%s]}"""
                .formatted(contacts, companies)).get("lead").asText();
    }

    private static String link(String id, boolean primary) {
        return "{\"id\": \"%s\", \"name\": \"linked\", \"primary\": %s}".formatted(id, primary);
    }

    private static String company(String id) {
        return "{\"id\": \"%s\", \"name\": \"linked\"}".formatted(id);
    }

    private static String merge(List<String> records, String survivor, String choices) {
        return "{\"records\": [\"" + String.join("\", \"", records) + "\"], \"survivor\": \"" + survivor
                + "\", \"choices\": {" + choices + "}}";
    }

    /** A stored lead as GET shows it, without what every write changes (its version and update time). */
    private JsonNode leadValues(String id) throws Exception {
        ObjectNode lead = (ObjectNode) ok("GET", "/v1/leads/" + id, ACME, null);
        lead.remove("version");
        lead.remove("updatedAt");
        return lead;
    }

    private List<JsonNode> all(String kind, List<String> ids) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (String id : ids) {
            records.add(ok("GET", "/v1/" + kind + "/" + id, ACME, null));
        }
        return records;
    }

    @Test
    void fiveContactsAndThreeCompaniesMergeAndUnmergeBackToTheExactPriorState() throws Exception {
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            contacts.add(addContact(ACME, "Person " + i, "p" + i + "@x.io", "+44 20 7946 000" + i));
        }
        List<String> companies = List.of(addCompany("Acme", "acme.com"), addCompany("ACME Ltd", "acme.co.uk"),
                addCompany("Acme Group", "acmegroup.com"));
        List<String> leads = List.of(
                addLead(ACME, link(contacts.get(1), true) + "," + link(contacts.get(3), false),
                        company(companies.get(1))),
                addLead(ACME, link(contacts.get(4), false), company(companies.get(2)) + "," + company(companies.get(0))),
                addLead(ACME, "{\"name\": \"Nobody\", \"primary\": true, \"emails\": [\"n@x.io\"]}", ""));
        List<JsonNode> contactsBefore = all("contacts", contacts);
        List<JsonNode> companiesBefore = all("companies", companies);
        List<JsonNode> leadsBefore = new ArrayList<>();
        for (String lead : leads) {
            leadsBefore.add(leadValues(lead));
        }

        String contactMerge = ok("POST", "/v1/contacts/merges", ACME, merge(contacts, contacts.get(2),
                "\"name\": \"" + contacts.get(4) + "\"")).get("merge").asText();
        String companyMerge = ok("POST", "/v1/companies/merges", ACME, merge(companies, companies.get(0), ""))
                .get("merge").asText();

        assertEquals(404, send("GET", "/v1/contacts/" + contacts.get(1), ACME, null).statusCode());
        JsonNode survivor = ok("GET", "/v1/contacts/" + contacts.get(2), ACME, null);
        assertEquals("Person 4", survivor.get("fullName").asText());
        assertEquals(5, survivor.get("emails").size());
        JsonNode followed = ok("GET", "/v1/leads/" + leads.get(0), ACME, null);
        assertEquals(1, followed.get("contacts").size(), "Person 1 and Person 3 both became Person 2");
        assertEquals(contacts.get(2), followed.get("contacts").get(0).get("contact").get("id").get("value").asText());
        assertEquals("PRIMARY", followed.get("contacts").get(0).get("role").asText());
        JsonNode second = ok("GET", "/v1/leads/" + leads.get(1), ACME, null);
        assertEquals(1, second.get("companies").size());
        assertEquals(companies.get(0), second.get("companies").get(0).get("id").get("value").asText());
        assertEquals(409, send("POST", "/v1/merges/" + contactMerge + "/undo", ACME, null).statusCode(),
                "the later company merge changed a lead this merge left: it is undone first");

        assertEquals("undone", ok("POST", "/v1/merges/" + companyMerge + "/undo", ACME, null).get("state").asText());
        assertEquals("contact", ok("POST", "/v1/merges/" + contactMerge + "/undo", ACME, null).get("kind").asText());

        assertEquals(contactsBefore, all("contacts", contacts));
        assertEquals(companiesBefore, all("companies", companies));
        for (int i = 0; i < leads.size(); i++) {
            assertEquals(leadsBefore.get(i), leadValues(leads.get(i)));
        }
        assertEquals(400, send("POST", "/v1/merges/" + contactMerge + "/undo", ACME, null).statusCode(),
                "a merge is undone once");
    }

    @Test
    void aContactIsAddedReadAndUpdatedAndEachSaveAnswersWithItsLikelyDuplicates() throws Exception {
        String first = addContact(ACME, "Ola Nordmann", "ola@x.io", "+44 20 7946 0100");

        JsonNode second = ok("POST", "/v1/contacts", ACME, "{\"name\": \"Nordmann Ola\", \"emails\": [\"OLA@x.io\"]}");
        assertEquals("created", second.get("outcome").asText());
        assertEquals(first, second.get("candidates").get(0).get("id").asText());
        assertEquals("contact", second.get("candidates").get(0).get("kind").asText());

        JsonNode updated = ok("PUT", "/v1/contacts/" + first, ACME, "{\"name\": \"Kari Nordmann\", \"emails\": [\"kari@x.io\"]}");
        assertEquals("Kari Nordmann", updated.get("record").get("fullName").asText());
        assertEquals("Kari Nordmann", ok("GET", "/v1/contacts/" + first, ACME, null).get("fullName").asText());
        JsonNode company = ok("PUT", "/v1/companies/" + addCompany("Initrode", "initrode.com"), ACME,
                "{\"name\": \"Initrode AS\", \"website\": \"initrode.com\"}");
        assertEquals("Initrode AS", company.get("record").get("name").asText());
    }

    @Test
    void aNewContactSharingAChosenFieldWithALeadsPrimaryContactIsMergedOnAdd() throws Exception {
        ok("PUT", "/v1/settings", INITECH, """
                {"methods": ["custom_field"], "matchedFields": [{"key": "passport", "type": "text", "level": "contact"}]}""");
        String stored = ok("POST", "/v1/contacts", INITECH,
                "{\"name\": \"Jane Doe\", \"emails\": [\"jane@x.io\"], \"fields\": {\"passport\": \"AB 123\"}}")
                .get("id").asText();
        addLead(INITECH, link(stored, true), "");

        JsonNode added = ok("POST", "/v1/contacts", INITECH,
                "{\"name\": \"J. Doe\", \"emails\": [\"jd@work.io\"], \"fields\": {\"passport\": \"ab-123\"}}");

        assertEquals("merged", added.get("outcome").asText());
        assertEquals(stored, added.get("id").asText());
        assertEquals(2, ok("GET", "/v1/contacts/" + stored, INITECH, null).get("emails").size());
        ok("POST", "/v1/merges/" + added.get("merge").asText() + "/undo", INITECH, null);
        assertEquals(1, ok("GET", "/v1/contacts/" + stored, INITECH, null).get("emails").size());
    }

    @Test
    void badInputGetsAClearFourHundredOrFourHundredFour() throws Exception {
        String jane = addContact(ACME, "Jane Roe", "jane.roe@x.io", "+44 20 7946 0200");
        String missing = UUID.randomUUID().toString();

        assertEquals(404, send("PUT", "/v1/contacts/" + missing, ACME, "{\"name\": \"x\"}").statusCode());
        assertEquals(400, send("GET", "/v1/contacts/not-a-uuid", ACME, null).statusCode());
        assertEquals(400, send("POST", "/v1/contacts", ACME, "{\"name\": \"x\", \"primary\": true}").statusCode());
        assertEquals(400, send("POST", "/v1/contacts/merges", ACME, merge(List.of(jane), jane, "")).statusCode());
        HttpResponse<String> unknown = send("POST", "/v1/contacts/merges", ACME, merge(List.of(jane, missing), jane, ""));
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains(missing), unknown.body());
        assertEquals(200, send("GET", "/v1/contacts/" + jane, ACME, null).statusCode(), "a refused merge changes nothing");
        assertEquals(405, send("DELETE", "/v1/contacts/" + jane, ACME, null).statusCode());
        String elevenEmails = "[\"" + String.join("\", \"", java.util.stream.IntStream.range(0, 11)
                .mapToObj(i -> "e" + i + "@x.io").toList()) + "\"]";
        HttpResponse<String> overLimit = send("POST", "/v1/companies", ACME,
                "{\"name\": \"Big\", \"emails\": " + elevenEmails + "}");
        assertEquals(400, overLimit.statusCode());
        assertTrue(overLimit.body().contains("limits.emailsPerContact"), overLimit.body());
    }

    private HttpResponse<String> put(String path, String body, String ifMatch) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).header("X-Api-Key", ACME)
                .header("If-Match", ifMatch).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aContactIsSentWithAStrongETagAndAnUpdateUnderAnOlderOneIsRefusedWith412() throws Exception {
        String id = addContact(ACME, "Kari Nordmann", "kari@x.io", "+44 20 7946 0400");
        String read = send("GET", "/v1/contacts/" + id, ACME, null).headers().firstValue("ETag").orElseThrow();
        assertTrue(read.matches("\"[0-9a-f]{32}\""), read);
        assertEquals(read, send("GET", "/v1/contacts/" + id, ACME, null).headers().firstValue("ETag")
                .orElseThrow(), "the same record, the same tag");

        HttpResponse<String> updated = put("/v1/contacts/" + id, "{\"name\": \"Kari Nordmann\", \"emails\": "
                + "[\"kari.n@x.io\"]}", read);
        assertEquals(200, updated.statusCode(), updated.body());
        String now = send("GET", "/v1/contacts/" + id, ACME, null).headers().firstValue("ETag").orElseThrow();
        assertEquals(now, updated.headers().firstValue("ETag").orElseThrow());
        HttpResponse<String> stale = put("/v1/contacts/" + id, "{\"name\": \"Kari N\"}", read);

        assertEquals(412, stale.statusCode(), stale.body());
        String stored = ok("GET", "/v1/contacts/" + id, ACME, null).toString();
        assertTrue(stored.contains("kari.n@x.io") && stored.contains("Kari Nordmann"), "nothing written: " + stored);
        assertEquals(400, put("/v1/contacts/" + id, "{\"name\": \"Kari N\"}", "W/" + now).statusCode());
    }

    @Test
    void aCompanyIsSentWithAStrongETagAndAnUpdateUnderAnOlderOneIsRefusedWith412() throws Exception {
        String id = addCompany("Nordmann AS", "nordmann.example");
        String read = send("GET", "/v1/companies/" + id, ACME, null).headers().firstValue("ETag").orElseThrow();
        assertEquals(200, put("/v1/companies/" + id, "{\"name\": \"Nordmann ASA\", \"website\": "
                + "\"nordmann.example\"}", read).statusCode());

        HttpResponse<String> stale = put("/v1/companies/" + id, "{\"name\": \"Nordmann\"}", read);

        assertEquals(412, stale.statusCode(), stale.body());
        assertEquals("Nordmann ASA", ok("GET", "/v1/companies/" + id, ACME, null).get("name").asText());
    }

    @Test
    void theOpenApiDocumentDescribesContactsAndCompanies() throws Exception {
        JsonNode paths = json.readTree(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port()
                + "/openapi.json")).build(), HttpResponse.BodyHandlers.ofString()).body()).get("paths");
        for (String path : List.of("/v1/contacts", "/v1/contacts/{id}", "/v1/contacts/merges", "/v1/companies",
                "/v1/companies/{id}", "/v1/companies/merges")) {
            assertTrue(paths.has(path), path);
        }
    }

    @Test
    void anotherTenantCannotReadUpdateOrMergeTheContacts() throws Exception {
        String jane = addContact(ACME, "Jane Poe", "jane.poe@x.io", "+44 20 7946 0300");
        String own = addContact(GLOBEX, "Jane Poe", "jane.poe@x.io", "+44 20 7946 0300");

        assertEquals(404, send("GET", "/v1/contacts/" + jane, GLOBEX, null).statusCode());
        assertEquals(404, send("PUT", "/v1/contacts/" + jane, GLOBEX, "{\"name\": \"x\"}").statusCode());
        assertEquals(404, send("POST", "/v1/contacts/merges", GLOBEX, merge(List.of(own, jane), own, "")).statusCode());
        assertFalse(ok("GET", "/v1/contacts/" + jane, ACME, null).get("fullName").asText().isEmpty());
    }
}
