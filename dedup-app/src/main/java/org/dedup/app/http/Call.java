package org.dedup.app.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

import org.dedup.domain.audit.AuditEvent;
import org.dedup.domain.audit.Audited;
import org.dedup.domain.model.TenantId;

/**
 * One request as a resource sees it: the tenant its API key names, who acts ({@code Dedup-Actor}), its path and query
 * parameters, headers and body.
 */
final class Call {
    private static final String ACTOR_HEADER = "Dedup-Actor";
    private final Context context;
    private final Authentication keys;
    private final JsonBodies json;
    private final int maxBodyBytes;
    private TenantId tenant;

    Call(Context context, Authentication keys, JsonBodies json, int maxBodyBytes) {
        this.context = context;
        this.keys = keys;
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The tenant of the {@code X-Api-Key} header; 401 when it is missing or names no tenant. */
    TenantId tenant() {
        if (tenant == null) {
            tenant = keys.tenant(context.header("X-Api-Key"), context.ip());
        }
        return tenant;
    }

    /**
     * Who makes a write: the {@code Dedup-Actor} header when the caller names a person or system, else the API
     * key's name ({@code api-key:<tenant>}).
     */
    Audited.Writer writer() {
        String named = context.header(ACTOR_HEADER);
        if (named == null) {
            return new Audited.Writer(tenant(), "api-key:" + tenant().value());
        }
        if (named.isBlank() || named.length() > AuditEvent.MAX_ACTOR_LENGTH
                || named.chars().anyMatch(Character::isISOControl)) {
            throw new HttpProblem(400, ACTOR_HEADER + " must be 1 to " + AuditEvent.MAX_ACTOR_LENGTH
                    + " printable characters");
        }
        return new Audited.Writer(tenant(), named.strip());
    }

    String path(String name) {
        return context.pathParam(name);
    }

    QueryParameters query() {
        return QueryParameters.of(context.queryString());
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(context.header(name));
    }

    /** The body read as {@code type}; 400 naming the problem when it is empty, null, malformed or of another shape. */
    <T> T body(Class<T> type) throws IOException {
        return json.parse(bytes(), type);
    }

    /** The body, which must not be empty. */
    byte[] bytes() throws IOException {
        byte[] body = bytesOrEmpty();
        if (body.length == 0) {
            throw new HttpProblem(400, "the request body is empty; a JSON object is expected");
        }
        return body;
    }

    /** The request body, empty when none was sent; 413 when it is larger than allowed. */
    byte[] bytesOrEmpty() throws IOException {
        byte[] body;
        try (InputStream in = context.bodyInputStream()) {
            body = in.readNBytes(maxBodyBytes + 1);
        }
        if (body.length > maxBodyBytes) {
            throw new HttpProblem(413, "the request body is larger than " + maxBodyBytes + " bytes");
        }
        return body;
    }

    <T> T parse(byte[] body, Class<T> type) {
        return json.parse(body, type);
    }

    /** The body as a JSON tree; 400 when it is malformed. */
    JsonNode tree(byte[] body) {
        return json.tree(body);
    }

    /** The body's tree read as {@code type}, as {@link #body(Class)} reads it. */
    <T> T parse(JsonNode tree, Class<T> type) {
        return json.parse(tree, type);
    }
}
