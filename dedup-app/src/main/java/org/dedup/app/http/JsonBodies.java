package org.dedup.app.http;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON in and out of the API. A body is read as a tree first, so that what no type should accept is refused with a
 * 400 naming it before any type sees it: a {@code null} body, and numbers no double can hold ({@code 1e400}).
 */
final class JsonBodies {
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    <T> T parse(byte[] body, Class<T> type) {
        JsonNode tree = tree(body);
        if (tree.isNull()) {
            throw new HttpProblem(400, "the request body is JSON null; a JSON " + (type.isArray() ? "array" : "object")
                    + " is expected");
        }
        outOfRange(tree, "");
        try {
            return json.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            throw new HttpProblem(400, "unknown field '" + e.getPropertyName() + "' at " + e.getPathReference()
                    .replaceAll("org\\.dedup\\.app\\.http\\.", ""));
        } catch (JsonProcessingException e) {
            throw new HttpProblem(400, "malformed JSON: " + withoutTypeNames(e.getOriginalMessage()));
        }
    }

    /** The body as a tree; malformed JSON is a 400 saying where. */
    JsonNode tree(byte[] body) {
        try {
            JsonNode tree = json.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw new HttpProblem(400, "the request body is empty; a JSON object is expected");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new HttpProblem(400, "malformed JSON: " + withoutTypeNames(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new HttpProblem(400, "the request body cannot be read");
        }
    }

    byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer cannot be written as JSON", e);
        }
    }

    private static void outOfRange(JsonNode node, String at) {
        if (node.isNumber() && !node.isIntegralNumber() && !Double.isFinite(node.doubleValue())) {
            throw new HttpProblem(400, "the number at " + (at.isEmpty() ? "/" : at) + " is out of range");
        }
        if (node.isContainerNode()) {
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    outOfRange(node.get(i), at + "/" + i);
                }
            } else {
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    outOfRange(member.getValue(), at + "/" + member.getKey());
                }
            }
        }
    }

    /** Jackson names the Java types it tried; a caller needs the JSON shape only. */
    private static String withoutTypeNames(String message) {
        return message.replaceAll("`?(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)`?", "$1")
                .replace("$", ".");
    }
}
