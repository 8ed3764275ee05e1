package org.dedup.app.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The duplicate rules as the rules form edits them: a row per rule ({@code rule.N.name}, {@code rule.N.objects},
 * {@code rule.N.fields} comma-separated, the three switches and {@code rule.N.remove}). A row without a name and
 * fields (the form's empty row for a new rule) or marked to remove is left out.
 */
record RuleRows(List<Row> rows) {
    static final List<String> OBJECTS = List.of("lead", "contact", "company");
    private static final int MAX_ROWS = 200;

    record Row(String name, List<String> objects, List<String> fields, boolean active, boolean useOnSave,
               boolean useInBulk) {
        /** The rule as {@code /v1/rules} takes it. */
        Map<String, Object> body() {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("name", name);
            rule.put("objects", objects);
            rule.put("fields", fields);
            rule.put("active", active);
            rule.put("useOnSave", useOnSave);
            rule.put("useInBulk", useInBulk);
            return rule;
        }
    }

    static RuleRows of(JsonNode rules) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode rule : rules) {
            rows.add(new Row(rule.path("name").asText(), texts(rule.path("objects")), texts(rule.path("fields")),
                    rule.path("active").asBoolean(true), rule.path("useOnSave").asBoolean(true),
                    rule.path("useInBulk").asBoolean(true)));
        }
        return new RuleRows(rows);
    }

    static RuleRows of(Form form) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS && form.first("rule." + i + ".name").isPresent(); i++) {
            String prefix = "rule." + i + ".";
            String name = form.value(prefix + "name").strip();
            List<String> fields = Arrays.stream(form.value(prefix + "fields").split(",")).map(String::strip)
                    .filter(f -> !f.isEmpty()).toList();
            if (form.first(prefix + "remove").isPresent() || name.isEmpty() && fields.isEmpty()) {
                continue;
            }
            rows.add(new Row(name, form.values().getOrDefault(prefix + "objects", List.of()), fields,
                    form.first(prefix + "active").isPresent(), form.first(prefix + "useOnSave").isPresent(),
                    form.first(prefix + "useInBulk").isPresent()));
        }
        return new RuleRows(rows);
    }

    List<Map<String, Object>> body() {
        return rows.stream().map(Row::body).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}
