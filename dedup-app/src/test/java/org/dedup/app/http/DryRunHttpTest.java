package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.app.config.TenantConfig;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.LeadRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /v1/settings/dry-run and /v1/rules/dry-run over HTTP on PostgreSQL: counts and samples, nothing written. */
class DryRunHttpTest {
    private static final String KEY = "dry-key-0123456789";
    private static ServerOnPostgres server;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        server = ServerOnPostgres.start("dryrun", 65_536, List.of(
                new TenantConfig("dry", KEY, List.of("phone"), "GB", null, null, null)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return server.send(server.request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).header("X-Api-Key", KEY));
    }

    private JsonNode ok(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    private void twoLeadsSharingAnEmail() throws Exception {
        String email = "dry-" + UUID.randomUUID() + "@x.io";
        for (int i = 0; i < 2; i++) {
            ok(send("POST", "/v1/leads", """
                    {"pipeline": "sales", "stage": "new", "source": "web_form",
                     "contacts": [{"name": "Dora", "primary": true, "emails": ["%s"]}]}""".formatted(email)));
        }
    }

    @Test
    void aSettingsDryRunCountsTheMergesOtherMethodsWouldMakeAndWritesNothing() throws Exception {
        twoLeadsSharingAnEmail();
        long leads = server.app.get(LeadRepository.class).count(new TenantId("dry"));
        JsonNode settings = ok(send("GET", "/v1/settings", null));

        JsonNode report = ok(send("POST", "/v1/settings/dry-run?samples=1", "{\"methods\": [\"email\"]}"));

        assertTrue(report.get("wouldMerge").asLong() >= 1, report.toString());
        assertEquals(report.get("wouldMerge").asLong(), report.get("byMethod").get("email").asLong());
        assertEquals(1, report.get("samples").size());
        assertEquals(leads, report.get("leadsChecked").asLong());
        assertEquals(leads, server.app.get(LeadRepository.class).count(new TenantId("dry")), "nothing merged");
        assertEquals(settings, ok(send("GET", "/v1/settings", null)), "nothing saved");
    }

    @Test
    void aSettingsDryRunWithAMethodNotInstalledIsA400NamingIt() throws Exception {
        HttpResponse<String> response = send("POST", "/v1/settings/dry-run", "{\"methods\": [\"emial\"]}");

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("emial"), response.body());
    }

    @Test
    void moreSamplesThanTheMaximumIsA400NamingIt() throws Exception {
        HttpResponse<String> response = send("POST", "/v1/settings/dry-run?samples=101", "{\"methods\": [\"email\"]}");

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("'samples'"), response.body());
    }

    @Test
    void aRulesDryRunFindsTheGroupsOtherRulesWouldAndKeepsTheStoredGroups() throws Exception {
        twoLeadsSharingAnEmail();
        JsonNode groups = ok(send("GET", "/v1/groups", null));

        JsonNode result = ok(send("POST", "/v1/rules/dry-run", """
                [{"name": "Lead: email", "objects": ["lead"], "fields": ["email"], "active": true,
                  "useOnSave": true, "useInBulk": true}]"""));

        assertTrue(result.get("groups").asInt() >= 1, result.toString());
        assertEquals("lead", result.get("samples").get(0).get("members").get(0).get("kind").asText());
        assertEquals(groups, ok(send("GET", "/v1/groups", null)), "the stored groups are kept");
    }

    @Test
    void aRulesDryRunWithAnUnknownObjectIsA400NamingIt() throws Exception {
        HttpResponse<String> response = send("POST", "/v1/rules/dry-run", """
                [{"name": "odd", "objects": ["spaceship"], "fields": ["email"]}]""");

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("'spaceship'"), response.body());
    }
}
