package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.app.DedupApplication;
import org.dedup.app.config.ConfigException;
import org.dedup.app.config.SettingsDocument;
import org.dedup.app.config.TenantConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Settings live in the database: saved over HTTP they survive restarts; the file only seeds them. */
class SettingsHttpTest {
    private static final String KEY = "acme-key-0123456789";
    private static final String SAVED = """
            {"methods": ["email", "tracking_pixel"], "conflictPolicy": "keep_existing",
             "multiMatchPolicy": "create_new", "mergeLimit": 5, "scope": {"sales": ["incoming"]},
             "afterMergeTask": {"text": "Call back", "dueInMinutes": 90, "responsible": "team"}}
            """;
    private final ObjectMapper json = new ObjectMapper();
    private ServerOnPostgres server;

    private static TenantConfig fromFile(String settingsSource, List<String> methods) {
        return new TenantConfig("acme", KEY, settingsSource, methods, null, null, "update_existing", "update_all", 2,
                null, "GB", null);
    }

    @BeforeEach
    void start() throws IOException {
        server = ServerOnPostgres.start("settings", 4_096, List.of(fromFile(null, List.of("email", "phone"))));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> put(String body) throws IOException, InterruptedException {
        return server.send(server.request("/v1/settings").header("X-Api-Key", KEY)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode settings() throws IOException, InterruptedException {
        return json.readTree(server.send(server.request("/v1/settings").header("X-Api-Key", KEY).GET()).body());
    }

    @Test
    void settingsSavedWithPutSurviveARestart() throws Exception {
        assertEquals(200, put(SAVED).statusCode());
        JsonNode before = settings();

        server = server.restarted(List.of(fromFile(null, List.of("email", "phone"))));

        JsonNode after = settings();
        assertEquals(before, after);
        assertEquals("keep_existing", after.get("conflictPolicy").asText());
        assertEquals("create_new", after.get("multiMatchPolicy").asText());
        assertEquals(5, after.get("mergeLimit").asInt());
        assertEquals(90, after.get("afterMergeTask").get("dueInMinutes").asInt());
        assertEquals(List.of("email", "tracking_pixel"), List.of(after.get("methods").get(0).asText(),
                after.get("methods").get(1).asText()));
    }

    @Test
    void theFileWinsAtStartWhenItsSettingsSourceIsFile() throws Exception {
        assertEquals(200, put(SAVED).statusCode());

        server = server.restarted(List.of(fromFile("file", List.of("phone"))));

        JsonNode after = settings();
        assertEquals("update_all", after.get("multiMatchPolicy").asText());
        assertEquals(2, after.get("mergeLimit").asInt());
        assertEquals("phone", after.get("methods").get(0).asText());
    }

    @Test
    void aMethodWithoutAMatcherIsRefusedWhenSavedNamingIt() throws Exception {
        HttpResponse<String> typo = put("{\"methods\": [\"email\", \"emial\", \"tax_id\"]}");

        assertEquals(400, typo.statusCode());
        assertTrue(typo.body().contains("methods [emial, tax_id] have no matcher installed"), typo.body());
        assertEquals(2, settings().get("mergeLimit").asInt(), "unchanged");
    }

    @Test
    void aDefaultRegionWithoutAPhoneNumberingPlanIsRefusedWhenSavedNamingIt() throws Exception {
        HttpResponse<String> region = put("{\"defaultRegion\": \"XX\"}");

        assertEquals(400, region.statusCode());
        assertTrue(region.body().contains("defaultRegion 'XX' is not a region phone numbers can be read in"),
                region.body());
        assertEquals(200, put("{\"defaultRegion\": \"de\"}").statusCode());
    }

    @Test
    void anAfterMergeTaskDueInTenToTheTwelveMinutesIsRefusedWhenSavedNamingIt() throws Exception {
        HttpResponse<String> far = put("""
                {"afterMergeTask": {"text": "Call", "dueInMinutes": 1000000000000, "responsible": "team"}}""");

        assertEquals(400, far.statusCode());
        assertTrue(far.body().contains("afterMergeTask.dueInMinutes must be between 0 and 525600"), far.body());
        assertEquals(400, put("{\"mergeLimit\": 1000}").statusCode());
        assertTrue(put("{\"mergeLimit\": 0}").body().contains("mergeLimit must be between 1 and 50"));
    }

    @Test
    void anOptionOutOfRangeIsNamedInTheProblemForAFormToShowItsMessageNextToItsField() throws Exception {
        JsonNode far = json.readTree(put("""
                {"afterMergeTask": {"text": "Call", "dueInMinutes": 600000, "responsible": "team"}}""").body());

        assertEquals("afterMergeTask.dueInMinutes", far.get("option").asText(), far.toString());
        assertTrue(far.get("detail").asText().startsWith("afterMergeTask.dueInMinutes must be between 0 and 525600"),
                far.toString());
    }

    @Test
    void aMatchedFieldTheModelRefusesIsNamedByItsIndex() throws Exception {
        JsonNode key = json.readTree(put("""
                {"matchedFields": [{"key": "budget"}, {"key": "Bad Key", "type": "numeric"}]}""").body());
        JsonNode type = json.readTree(put("""
                {"matchedFields": [{"key": "born", "type": "date"}]}""").body());
        JsonNode level = json.readTree(put("""
                {"matchedFields": [{"key": "born", "level": "company"}]}""").body());

        assertEquals("matchedFields[1].key", key.get("option").asText(), key.toString());
        assertTrue(key.get("detail").asText().contains("custom field key 'Bad Key' must be"), key.toString());
        assertEquals("matchedFields[0].type", type.get("option").asText(), type.toString());
        assertTrue(type.get("detail").asText().contains("only TEXT or NUMERIC fields can be chosen"), type.toString());
        assertEquals("matchedFields[0].level", level.get("option").asText(), level.toString());
        assertEquals(0, settings().get("matchedFields").size(), "nothing saved");
    }

    @Test
    void aTaskTheModelRefusesAndABlankPipelineAreNamedAsTheirOptions() throws Exception {
        JsonNode task = json.readTree(put("""
                {"afterMergeTask": {"text": " ", "dueInMinutes": 5, "responsible": "team"}}""").body());
        JsonNode scope = json.readTree(put("{\"scope\": {\" \": [\"new\"]}}").body());

        assertEquals("afterMergeTask", task.get("option").asText(), task.toString());
        assertTrue(task.get("detail").asText().contains("task text must not be blank"), task.toString());
        assertEquals("scope", scope.get("option").asText(), scope.toString());
        assertTrue(scope.get("detail").asText().contains("scope pipeline must not be blank"), scope.toString());
    }

    @Test
    void aStartNamesAMethodWithoutAMatcherInTheFile() {
        ConfigException refused = assertThrows(ConfigException.class, () -> DedupApplication.start(
                ServerOnPostgres.config(server.schema, List.of(fromFile("file", List.of("email", "vat_nmber"))))));

        assertTrue(refused.getMessage().contains("tenants[acme]"), refused.getMessage());
        assertTrue(refused.getMessage().contains("methods [vat_nmber] have no matcher installed"),
                refused.getMessage());
    }

    @Test
    void aStartNamesStoredSettingsWhoseMethodLostItsMatcher() {
        server.app.get(org.dedup.domain.store.SettingsStore.class).saveSettings(new org.dedup.domain.model.TenantId(
                "acme"), new SettingsDocument(List.of("email", "gone_plugin"), null, Map.of(), null, null, null,
                null, null, null).toSettings());

        ConfigException refused = assertThrows(ConfigException.class, () -> DedupApplication.start(
                ServerOnPostgres.config(server.schema, List.of(fromFile(null, List.of("email"))))));

        assertTrue(refused.getMessage().contains("stored settings: methods [gone_plugin] have no matcher installed"),
                refused.getMessage());
    }
}
