package org.dedup.app.console;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** A record as the API returns it, flattened to one value per field path ({@code contacts.0.emails.0}). */
final class RecordFields {
    private RecordFields() {
    }

    static Map<String, String> of(JsonNode record) {
        Map<String, String> fields = new LinkedHashMap<>();
        flatten("", record, fields);
        return fields;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(join(path, e.getKey()), e.getValue(), into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(join(path, String.valueOf(i)), node.get(i), into);
            }
        } else if (!node.isNull() && !node.isMissingNode()) {
            into.put(path, node.asText());
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
