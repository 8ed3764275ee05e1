package org.dedup.app.console;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Kommo options the settings form edits: methods, conflict and multi-match policies, merge limit, default region,
 * email folding. The other options (matched custom fields, pipeline scope, task after merge) are kept as stored.
 */
record SettingsChange(List<String> methods, String conflictPolicy, String multiMatchPolicy, String mergeLimit,
                      String defaultRegion, String emailFolding) {

    static SettingsChange of(Form form) {
        return new SettingsChange(form.values().getOrDefault("methods", List.of()), form.value("conflictPolicy"),
                form.value("multiMatchPolicy"), form.value("mergeLimit").strip(), form.value("defaultRegion").strip(),
                form.value("emailFolding"));
    }

    static SettingsChange of(JsonNode stored) {
        List<String> methods = new java.util.ArrayList<>();
        stored.path("methods").forEach(m -> methods.add(m.asText()));
        return new SettingsChange(methods, stored.path("conflictPolicy").asText(),
                stored.path("multiMatchPolicy").asText(), stored.path("mergeLimit").asText(),
                stored.path("defaultRegion").asText(), stored.path("emailFolding").asText());
    }

    /** The stored settings document with this change applied: the body of PUT /v1/settings and its dry run. */
    ObjectNode applyTo(JsonNode stored) {
        ObjectNode changed = ((ObjectNode) stored).deepCopy();
        changed.putArray("methods").addAll(methods.stream().map(changed::textNode).toList());
        changed.put("conflictPolicy", conflictPolicy);
        changed.put("multiMatchPolicy", multiMatchPolicy);
        if (mergeLimit.chars().allMatch(Character::isDigit) && !mergeLimit.isEmpty() && mergeLimit.length() < 10) {
            changed.put("mergeLimit", Integer.parseInt(mergeLimit));
        } else {
            changed.put("mergeLimit", mergeLimit);
        }
        changed.put("defaultRegion", defaultRegion);
        changed.put("emailFolding", emailFolding);
        return changed;
    }

    /** The hidden inputs that carry this change to the saving form. */
    Html hiddenInputs() {
        Html checked = Html.join(methods.stream().map(m -> Html.of(
                "<input type=\"hidden\" name=\"methods\" value=\"%s\">", m)));
        return Html.of("""
                %s<input type="hidden" name="conflictPolicy" value="%s">
                <input type="hidden" name="multiMatchPolicy" value="%s"><input type="hidden" name="mergeLimit" value="%s">
                <input type="hidden" name="defaultRegion" value="%s"><input type="hidden" name="emailFolding" value="%s">""",
                checked, conflictPolicy, multiMatchPolicy, mergeLimit, defaultRegion, emailFolding);
    }
}
