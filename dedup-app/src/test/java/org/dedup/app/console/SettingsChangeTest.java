package org.dedup.app.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** The settings form as a change of the stored settings document, and back. */
class SettingsChangeTest {
    private final ObjectMapper json = new ObjectMapper();

    private static Form posted(Map<String, List<String>> values) {
        return Form.parse(values.entrySet().stream().flatMap(e -> e.getValue().stream().map(v ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v,
                        StandardCharsets.UTF_8))).collect(Collectors.joining("&")));
    }

    private JsonNode stored() throws Exception {
        return json.readTree("""
                {"methods": ["phone"], "matchedFields": [], "scope": {}, "conflictPolicy": "update_existing",
                 "multiMatchPolicy": "update_all", "mergeLimit": 3, "afterMergeTask": null, "defaultRegion": "GB",
                 "emailFolding": "none"}""");
    }

    private static Form everyOption() {
        return posted(Map.ofEntries(Map.entry("methods", List.of("email", "custom_field")),
                Map.entry("matchedFields[0].key", List.of("budget")), Map.entry("matchedFields[0].type", List.of("numeric")),
                Map.entry("matchedFields[0].level", List.of("lead")),
                Map.entry("matchedFields[1].key", List.of("")), Map.entry("matchedFields[1].type", List.of("text")),
                Map.entry("matchedFields[1].level", List.of("contact")),
                Map.entry("scope[0].pipeline", List.of("sales")), Map.entry("scope[0].stages", List.of("new, incoming")),
                Map.entry("scope[1].pipeline", List.of("partners")), Map.entry("scope[1].stages", List.of("")),
                Map.entry("scope[2].pipeline", List.of("")), Map.entry("scope[2].stages", List.of("")),
                Map.entry("conflictPolicy", List.of("keep_existing")), Map.entry("multiMatchPolicy", List.of("create_new")),
                Map.entry("mergeLimit", List.of("5")), Map.entry("afterMergeTask", List.of("on")),
                Map.entry("afterMergeTask.text", List.of("Call back")), Map.entry("afterMergeTask.dueInMinutes", List.of("90")),
                Map.entry("afterMergeTask.responsible", List.of("team-b")), Map.entry("defaultRegion", List.of("DE")),
                Map.entry("emailFolding", List.of("gmail_dots_and_plus"))));
    }

    @Test
    void everyOptionOfTheFormIsAppliedToTheStoredDocument() throws Exception {
        JsonNode changed = SettingsChange.of(everyOption()).applyTo(stored());

        // compared as sent: a number is a number, however it is held
        assertEquals(json.readTree("""
                {"methods": ["email", "custom_field"],
                 "matchedFields": [{"key": "budget", "type": "numeric", "level": "lead"}],
                 "scope": {"sales": ["new", "incoming"], "partners": []}, "conflictPolicy": "keep_existing",
                 "multiMatchPolicy": "create_new", "mergeLimit": 5,
                 "afterMergeTask": {"text": "Call back", "responsible": "team-b", "dueInMinutes": 90},
                 "defaultRegion": "DE", "emailFolding": "gmail_dots_and_plus"}"""), json.readTree(changed.toString()));
    }

    @Test
    void theSavingFormCarriesTheChangeThatWasRunDry() {
        SettingsChange change = SettingsChange.of(everyOption());

        assertEquals(change, SettingsChange.of(posted(change.formValues())));
    }

    @Test
    void theStoredSettingsAreShownAsTheyAre() throws Exception {
        SettingsChange change = SettingsChange.of(everyOption());

        assertEquals(change, SettingsChange.of(change.applyTo(stored())));
    }

    @Test
    void rowsMarkedToRemoveAreLeftOut() throws Exception {
        Map<String, List<String>> values = new java.util.LinkedHashMap<>(SettingsChange.of(everyOption()).formValues());
        values.put("matchedFields[0].remove", List.of("on"));
        values.put("scope[0].remove", List.of("on"));

        JsonNode changed = SettingsChange.of(posted(values)).applyTo(stored());

        assertEquals("[]", changed.get("matchedFields").toString());
        assertEquals("{\"partners\":[]}", changed.get("scope").toString());
    }

    @Test
    void theTaskSwitchedOffIsSavedAsNoTask() throws Exception {
        Map<String, List<String>> values = new java.util.LinkedHashMap<>(SettingsChange.of(everyOption()).formValues());
        values.remove("afterMergeTask");

        assertTrue(SettingsChange.of(posted(values)).applyTo(stored()).get("afterMergeTask").isNull());
    }

    @Test
    void aValueThatIsNoWholeNumberIsSentAsTypedForTheApiToName() throws Exception {
        Map<String, List<String>> values = new java.util.LinkedHashMap<>(SettingsChange.of(everyOption()).formValues());
        values.put("afterMergeTask.dueInMinutes", List.of("1.5"));
        values.put("mergeLimit", List.of("-2"));

        JsonNode changed = SettingsChange.of(posted(values)).applyTo(stored());

        assertEquals("\"1.5\"", changed.at("/afterMergeTask/dueInMinutes").toString());
        assertEquals("-2", changed.get("mergeLimit").toString());
    }
}
