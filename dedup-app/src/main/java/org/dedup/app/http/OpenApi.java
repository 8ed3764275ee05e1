package org.dedup.app.http;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.domain.model.DedupException;

/** The OpenAPI document of the HTTP API, served at /openapi.json. */
final class OpenApi {
    private OpenApi() {
    }

    static JsonNode document() {
        try (InputStream in = OpenApi.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new DedupException("openapi.json is missing from the application jar");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new DedupException("openapi.json cannot be read: " + e.getMessage(), e);
        }
    }
}
