package org.dedup.app.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every Kommo duplicate-control option as the settings form edits it: methods, matched custom fields, the pipelines
 * and stages searched, conflict and multi-match policies, merge limit, task after a merge, default region, email
 * folding. Values are kept as typed, so that the API, the one judge of what is valid, answers for them.
 *
 * <p>The form's names are the API's, an item of a list by its index ({@code matchedFields[0].key},
 * {@code scope[0].stages} comma-separated, {@code afterMergeTask.dueInMinutes}); a row marked {@code .remove}, or
 * left empty (the form's row for a new field or pipeline), is left out.
 */
record SettingsChange(List<String> methods, List<MatchedField> matchedFields, List<ScopeEntry> scope,
                      String conflictPolicy, String multiMatchPolicy, String mergeLimit, String defaultRegion,
                      String emailFolding, Task task) {
    static final String TASK = "afterMergeTask";
    private static final int MAX_ROWS = 200;
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A custom field the {@code custom_field} method compares. */
    record MatchedField(String key, String type, String level) {
        static final MatchedField NEW = new MatchedField("", "text", "lead");
    }

    /** A pipeline searched, and its stages (none: every stage of it). */
    record ScopeEntry(String pipeline, List<String> stages) {
        static final ScopeEntry NEW = new ScopeEntry("", List.of());
    }

    /** The task created in each lead found after a merge, when {@code on}. */
    record Task(boolean on, String text, String dueInMinutes, String responsible) {
        static final Task OFF = new Task(false, "", "", "");
    }

    SettingsChange {
        methods = List.copyOf(methods);
        matchedFields = List.copyOf(matchedFields);
        scope = List.copyOf(scope);
    }

    static SettingsChange of(Form form) {
        List<MatchedField> fields = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS && form.first(field(i, "key")).isPresent(); i++) {
            String key = form.value(field(i, "key")).strip();
            if (!key.isEmpty() && form.first(field(i, "remove")).isEmpty()) {
                fields.add(new MatchedField(key, form.value(field(i, "type")), form.value(field(i, "level"))));
            }
        }
        List<ScopeEntry> scope = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS && form.first(scope(i, "pipeline")).isPresent(); i++) {
            String pipeline = form.value(scope(i, "pipeline")).strip();
            List<String> stages = Arrays.stream(form.value(scope(i, "stages")).split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            if ((!pipeline.isEmpty() || !stages.isEmpty()) && form.first(scope(i, "remove")).isEmpty()) {
                scope.add(new ScopeEntry(pipeline, stages));
            }
        }
        Task task = new Task(form.first(TASK).isPresent(), form.value(TASK + ".text").strip(),
                form.value(TASK + ".dueInMinutes").strip(), form.value(TASK + ".responsible").strip());
        return new SettingsChange(form.values().getOrDefault("methods", List.of()), fields, scope,
                form.value("conflictPolicy"), form.value("multiMatchPolicy"), form.value("mergeLimit").strip(),
                form.value("defaultRegion").strip(), form.value("emailFolding"), task);
    }

    static SettingsChange of(JsonNode stored) {
        List<MatchedField> fields = new ArrayList<>();
        stored.path("matchedFields").forEach(f -> fields.add(new MatchedField(f.path("key").asText(),
                f.path("type").asText(), f.path("level").asText())));
        List<ScopeEntry> scope = new ArrayList<>();
        stored.path("scope").properties().forEach(e -> scope.add(new ScopeEntry(e.getKey(), texts(e.getValue()))));
        JsonNode task = stored.path(TASK);
        return new SettingsChange(texts(stored.path("methods")), fields, scope, stored.path("conflictPolicy").asText(),
                stored.path("multiMatchPolicy").asText(), stored.path("mergeLimit").asText(),
                stored.path("defaultRegion").asText(), stored.path("emailFolding").asText(),
                task.isObject() ? new Task(true, task.path("text").asText(), task.path("dueInMinutes").asText(),
                        task.path("responsible").asText()) : Task.OFF);
    }

    static String field(int row, String part) {
        return "matchedFields[" + row + "]." + part;
    }

    static String scope(int row, String part) {
        return "scope[" + row + "]." + part;
    }

    /**
     * The stored settings document with this change applied: the body of PUT /v1/settings and its dry run. Two rows
     * of one pipeline are one pipeline with the stages of both.
     */
    ObjectNode applyTo(JsonNode stored) {
        ObjectNode changed = ((ObjectNode) stored).deepCopy();
        changed.putArray("methods").addAll(methods.stream().map(NODES::textNode).toList());
        ArrayNode fields = changed.putArray("matchedFields");
        matchedFields.forEach(f -> fields.addObject().put("key", f.key()).put("type", f.type())
                .put("level", f.level()));
        ObjectNode pipelines = changed.putObject("scope");
        scope.forEach(s -> (pipelines.has(s.pipeline()) ? (ArrayNode) pipelines.get(s.pipeline())
                : pipelines.putArray(s.pipeline())).addAll(s.stages().stream().map(NODES::textNode).toList()));
        changed.put("conflictPolicy", conflictPolicy);
        changed.put("multiMatchPolicy", multiMatchPolicy);
        changed.set("mergeLimit", number(mergeLimit));
        if (task.on()) {
            changed.putObject(TASK).put("text", task.text()).put("responsible", task.responsible())
                    .set("dueInMinutes", number(task.dueInMinutes()));
        } else {
            changed.putNull(TASK);
        }
        changed.put("defaultRegion", defaultRegion);
        changed.put("emailFolding", emailFolding);
        return changed;
    }

    /** A whole number as a number; anything else as typed, for the API to name. */
    private static JsonNode number(String typed) {
        return INTEGER.matcher(typed).matches() ? NODES.numberNode(Long.parseLong(typed)) : NODES.textNode(typed);
    }

    /** The form's names and values that post this change: what the saving form carries after a dry run. */
    Map<String, List<String>> formValues() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("methods", methods);
        for (int i = 0; i < matchedFields.size(); i++) {
            MatchedField f = matchedFields.get(i);
            values.put(field(i, "key"), List.of(f.key()));
            values.put(field(i, "type"), List.of(f.type()));
            values.put(field(i, "level"), List.of(f.level()));
        }
        for (int i = 0; i < scope.size(); i++) {
            values.put(scope(i, "pipeline"), List.of(scope.get(i).pipeline()));
            values.put(scope(i, "stages"), List.of(String.join(", ", scope.get(i).stages())));
        }
        values.put("conflictPolicy", List.of(conflictPolicy));
        values.put("multiMatchPolicy", List.of(multiMatchPolicy));
        values.put("mergeLimit", List.of(mergeLimit));
        values.put(TASK, task.on() ? List.of("on") : List.of());
        values.put(TASK + ".text", List.of(task.text()));
        values.put(TASK + ".dueInMinutes", List.of(task.dueInMinutes()));
        values.put(TASK + ".responsible", List.of(task.responsible()));
        values.put("defaultRegion", List.of(defaultRegion));
        values.put("emailFolding", List.of(emailFolding));
        return values;
    }

    /** The hidden inputs that carry this change to the saving form. */
    Html hiddenInputs() {
        return Html.join(formValues().entrySet().stream().flatMap(e -> e.getValue().stream().map(v -> Html.of(
                "<input type=\"hidden\" name=\"%s\" value=\"%s\">", e.getKey(), v))));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}
