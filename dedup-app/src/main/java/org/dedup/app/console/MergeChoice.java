package org.dedup.app.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a person chose on the merge form: the survivor, per field the record to keep, the rule for the rest. */
record MergeChoice(String survivor, Map<String, String> choices, String rule, String revision) {
    private static final String CHOICE = "choice.";

    static MergeChoice of(Form form) {
        Map<String, String> chosen = new LinkedHashMap<>();
        form.withPrefix(CHOICE).forEach((field, record) -> {
            if (!record.isBlank()) {
                chosen.put(field, record);
            }
        });
        return new MergeChoice(form.value("survivor"), chosen, form.value("rule"), form.value("revision"));
    }

    /** The body of {@code POST /v1/review/{id}/merge}. */
    Map<String, Object> mergeBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("survivor", survivor);
        body.put("choices", choices);
        if (!rule.isBlank()) {
            body.put("rule", rule);
        }
        return body;
    }

    /** The body of {@code POST /v1/merges/preview} for these records of one kind. */
    Map<String, Object> previewBody(String kind, List<String> records) {
        Map<String, Object> body = mergeBody();
        body.put("kind", kind);
        body.put("records", records);
        return body;
    }

    /** The hidden inputs that carry this choice to the confirming form. */
    Html hiddenInputs() {
        Html fields = Html.join(choices.entrySet().stream().map(e -> Html.of(
                "<input type=\"hidden\" name=\"%s\" value=\"%s\">", CHOICE + e.getKey(), e.getValue())));
        return Html.of("""
                <input type="hidden" name="survivor" value="%s"><input type="hidden" name="rule" value="%s">
                <input type="hidden" name="revision" value="%s">%s""", survivor, rule, revision, fields);
    }
}
