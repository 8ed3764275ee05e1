package org.dedup.app.http;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.dedup.domain.model.InvalidRecordException;

/**
 * JSON in and out of the API. A body is read as a tree first, so that what no type should accept is refused with a
 * 400 naming it before any type sees it: a {@code null} body, and numbers no double can hold ({@code 1e400}).
 */
final class JsonBodies {
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final int TAG_BYTES = 16;
    private final ObjectMapper canonical = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();

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
            throw new HttpProblem(400, "unknown field '" + e.getPropertyName() + "' at " + pointer(e));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof InvalidRecordException invalid) {
                throw invalid;
            }
            throw new HttpProblem(400, "the value at " + pointer(e) + " is not of the expected type");
        } catch (JsonProcessingException e) {
            throw new HttpProblem(400, "malformed JSON: " + e.getOriginalMessage());
        }
    }

    /** Where in the body a value is, as a JSON pointer ({@code /contacts/0/emails}): never a Java type's name. */
    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            pointer.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
        }
        return pointer.isEmpty() ? "/" : pointer.toString();
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
            throw new HttpProblem(400, "malformed JSON: " + e.getOriginalMessage());
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

    /**
     * A strong entity tag of {@code value} (quoted, as sent in {@code ETag}): a hash of its JSON with map entries
     * and properties in key order, so that every server of a cluster gives one value the same tag.
     */
    String tag(Object value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.writeValueAsBytes(value));
            return "\"" + HexFormat.of().formatHex(digest, 0, TAG_BYTES) + "\"";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record cannot be written as JSON", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
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
}
