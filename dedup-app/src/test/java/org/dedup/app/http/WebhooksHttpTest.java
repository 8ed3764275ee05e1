package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.app.DedupApplication;
import org.dedup.app.config.DatabaseConfig;
import org.dedup.app.config.DedupConfig;
import org.dedup.app.config.HttpConfig;
import org.dedup.app.config.TenantConfig;
import org.dedup.app.config.WebhooksConfig;
import org.dedup.app.webhook.TestReceiver;
import org.dedup.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks on PostgreSQL, with a receiver that checks every signature: each kind of event reaches it, once by its
 * id, and a receiver that answers 500 for a while gets every event once it answers again.
 */
class WebhooksHttpTest {
    private static final String KEY = "acme-key-0123456789";
    private static final String SECRET = "the-receivers-secret-0001";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private String schema;
    private DedupApplication app;
    private HttpApi api;
    private TestReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        schema = TestPostgres.createSchema("webhooks");
        List<TenantConfig> tenants = List.of(new TenantConfig("acme", KEY, List.of("email"), null, null, null, 2));
        app = DedupApplication.start(DedupConfig.defaults()
                .withDatabase(new DatabaseConfig(TestPostgres.url(), TestPostgres.USER, TestPostgres.PASSWORD, 4, schema))
                .withTenants(tenants)
                // retries after 200 ms doubling to 1 s, so that a test sees several
                .withWebhooks(new WebhooksConfig(100, 1_000, 2_000, 200, 1_000, 1_000)));
        api = new HttpApi(HttpConfig.on(0, 16_384), tenants, app.apiServices());
        app.startBackgroundWork();
        receiver = new TestReceiver(SECRET);
    }

    @AfterEach
    void stop() {
        receiver.close();
        api.close();
        app.close();
        TestPostgres.dropSchema(schema);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .header("X-Api-Key", KEY).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode lead(String... emails) throws Exception {
        HttpResponse<String> decided = send("POST", "/v1/leads", """
                {"pipeline": "sales", "stage": "incoming", "source": "web_form",
                 "contacts": [{"name": "Ana Silva", "primary": true, "emails": %s}]}
                """.formatted(json.writeValueAsString(List.of(emails))));
        assertEquals(200, decided.statusCode(), decided.body());
        return json.readTree(decided.body());
    }

    private String addWebhook() throws Exception {
        HttpResponse<String> added = send("POST", "/v1/webhooks",
                "{\"url\": \"" + receiver.url() + "\", \"secret\": \"" + SECRET + "\"}");
        assertEquals(200, added.statusCode(), added.body());
        return json.readTree(added.body()).get("id").asText();
    }

    @Test
    void aWebhookIsAddedListedAndRemovedAndItsSecretIsNeverShown() throws Exception {
        String id = addWebhook();

        String listed = send("GET", "/v1/webhooks", null).body();
        assertEquals(id, json.readTree(listed).get("webhooks").get(0).get("id").asText());
        assertEquals(receiver.url(), json.readTree(listed).get("webhooks").get(0).get("url").asText());
        assertFalse(listed.contains(SECRET), listed);
        assertEquals(200, send("DELETE", "/v1/webhooks/" + id, null).statusCode());
        assertEquals(404, send("DELETE", "/v1/webhooks/" + id, null).statusCode());
        assertEquals(0, json.readTree(send("GET", "/v1/webhooks", null).body()).get("webhooks").size());
    }

    @Test
    void aBadWebhookIsRefusedNamingTheProblem() throws Exception {
        assertRefused("{\"url\": \"ftp://crm.example/hooks\", \"secret\": \"" + SECRET + "\"}", "absolute http or https");
        assertRefused("{\"url\": \"/hooks\", \"secret\": \"" + SECRET + "\"}", "absolute http or https");
        assertRefused("{\"url\": \"https://crm.example/ hooks\", \"secret\": \"" + SECRET + "\"}", "url is not a URL");
        assertRefused("{\"url\": \"https://crm.example/hooks\", \"secret\": \"short\"}", "secret must be 16 to 200");
        assertRefused("{\"url\": \"https://crm.example/hooks\"}", "secret");
        assertRefused("{\"secret\": \"" + SECRET + "\"}", "url");
        assertRefused("{\"url\": \"https://crm.example/hooks\", \"secret\": \"" + SECRET + "\", \"events\": []}",
                "unknown field 'events'");
        assertEquals(400, send("DELETE", "/v1/webhooks/not-a-uuid", null).statusCode());
        assertEquals(0, json.readTree(send("GET", "/v1/webhooks", null).body()).get("webhooks").size());
    }

    private void assertRefused(String body, String naming) throws Exception {
        HttpResponse<String> refused = send("POST", "/v1/webhooks", body);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(json.readTree(refused.body()).get("detail").asText().contains(naming), refused.body());
    }

    @Test
    void eachKindOfEventReachesTheWebhookSignedAndOnceByItsId() throws Exception {
        addWebhook();
        lead("ana@x.io");
        String merge = lead("ana@x.io").get("merges").get(0).asText();
        assertEquals(200, send("POST", "/v1/merges/" + merge + "/undo", null).statusCode());
        lead("b1@x.io");
        lead("b2@x.io");
        lead("b3@x.io");
        JsonNode tooMany = lead("b1@x.io", "b2@x.io", "b3@x.io");
        assertEquals("skipped_too_many_matches", tooMany.get("outcome").asText());
        String scan = json.readTree(send("POST", "/v1/scans", "").body()).get("id").asText();

        List<JsonNode> events = receiver.await(received -> received.size() >= 5, PATIENCE);

        assertEquals(merge, only(receiver.events("lead.merged")).get("data").get("merge").asText());
        assertEquals(merge, only(receiver.events("merge.undone")).get("data").get("merge").asText());
        receiver.await(received -> received.stream()
                .filter(e -> e.get("type").asText().equals("review.opened")).count() == 2, PATIENCE);
        assertEquals(Set.of("too_many_matches", "scan"), Set.copyOf(receiver.events("review.opened").stream()
                .map(e -> e.get("data").get("source").asText()).toList()));
        assertEquals(tooMany.get("lead").asText(), receiver.events("review.opened").stream()
                .filter(e -> e.get("data").get("source").asText().equals("too_many_matches")).findFirst().orElseThrow()
                .get("data").get("lead").asText());
        JsonNode finished = only(receiver.events("scan.finished"));
        assertEquals(scan, finished.get("data").get("scan").asText());
        assertEquals("done", finished.get("data").get("status").asText());
        assertEquals(List.of(), receiver.badSignatures());
        for (JsonNode event : receiver.events()) {
            assertEquals("acme", event.get("tenant").asText());
        }
        assertEquals(events.size(), new HashSet<>(events.stream().map(e -> e.get("id").asText()).toList()).size());
    }

    private String added(String path, String body) throws Exception {
        HttpResponse<String> added = send("POST", path, body);
        assertEquals(200, added.statusCode(), added.body());
        return json.readTree(added.body()).get("id").asText();
    }

    private String merged(String kind, String survivor, String absorbed) throws Exception {
        HttpResponse<String> merged = send("POST", "/v1/" + kind + "/merges", "{\"records\": [\"" + survivor
                + "\", \"" + absorbed + "\"], \"survivor\": \"" + survivor + "\", \"choices\": {}}");
        assertEquals(200, merged.statusCode(), merged.body());
        return json.readTree(merged.body()).get("merge").asText();
    }

    @Test
    void contactAndCompanyMergesAndTheirUndoReachTheWebhookThroughTheOutbox() throws Exception {
        addWebhook();
        String ana = added("/v1/contacts", "{\"name\": \"Ana Silva\", \"emails\": [\"ana@x.io\"]}");
        String anaAgain = added("/v1/contacts", "{\"name\": \"Bea Costa\", \"emails\": [\"bea@y.io\"]}");
        String acme = added("/v1/companies", "{\"name\": \"Acme\", \"website\": \"acme.example\"}");
        String acmeAgain = added("/v1/companies", "{\"name\": \"Zenith\", \"website\": \"zenith.example\"}");

        String contactMerge = merged("contacts", ana, anaAgain);
        String companyMerge = merged("companies", acme, acmeAgain);
        assertEquals(200, send("POST", "/v1/merges/" + companyMerge + "/undo", null).statusCode());
        receiver.await(received -> received.size() >= 3, PATIENCE);

        JsonNode contact = only(receiver.events("contact.merged"));
        assertEquals(contactMerge, contact.get("data").get("merge").asText());
        assertEquals(ana, contact.get("data").get("survivor").asText());
        assertEquals(List.of(anaAgain), json.convertValue(contact.get("data").get("absorbed"), List.class));
        JsonNode company = only(receiver.events("company.merged"));
        assertEquals(companyMerge, company.get("data").get("merge").asText());
        JsonNode undone = only(receiver.events("merge.undone"));
        assertEquals(companyMerge, undone.get("data").get("merge").asText());
        assertEquals("company", undone.get("data").get("kind").asText());
        assertEquals(List.of(acmeAgain), json.convertValue(undone.get("data").get("restored"), List.class));
        assertEquals(List.of(), receiver.badSignatures());
    }

    @Test
    void theOpenApiDocumentDescribesWebhooksAndTheirEvents() throws Exception {
        JsonNode document = json.readTree(send("GET", "/openapi.json", null).body());

        assertTrue(document.get("paths").get("/v1/webhooks").has("post"));
        assertTrue(document.get("paths").get("/v1/webhooks/{id}").has("delete"));
        assertTrue(document.get("components").get("schemas").get("Event").get("description").asText()
                .contains("Dedup-Signature"));
    }

    private static JsonNode only(List<JsonNode> events) {
        assertEquals(1, events.size(), events.toString());
        return events.getFirst();
    }

    @Test
    void aReceiverThatAnswers500ForAWhileGetsEveryEventAfterwards() throws Exception {
        addWebhook();
        receiver.failUntil(Instant.now().plusSeconds(3));
        List<String> merges = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lead("person-" + i + "@x.io");
            merges.add(lead("person-" + i + "@x.io").get("merges").get(0).asText());
        }

        List<JsonNode> merged = receiver.await(received -> received.size() >= 10, PATIENCE);

        assertEquals(Set.copyOf(merges), Set.copyOf(merged.stream().map(e -> e.get("data").get("merge").asText())
                .toList()), "every merge told, none lost");
        assertTrue(receiver.requests() > 10, "the 500s were retried: " + receiver.requests() + " requests");
        assertEquals(List.of(), receiver.badSignatures());
    }
}
