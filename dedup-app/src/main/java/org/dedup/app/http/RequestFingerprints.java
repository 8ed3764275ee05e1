package org.dedup.app.http;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.dedup.domain.control.RequestFingerprint;

/**
 * The fingerprint of a JSON request body: SHA-256 of its canonical form (members sorted by name at every level, no
 * insignificant white space), so a retry that reorders members or re-indents is the same request and any other value
 * is a different one.
 */
final class RequestFingerprints {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    private RequestFingerprints() {
    }

    /** The fingerprint of a body, read as a tree by the API (which refused it unless it was well-formed JSON). */
    static RequestFingerprint of(JsonNode body) throws IOException {
        return RequestFingerprint.of(CANONICAL.writeValueAsString(body));
    }
}
