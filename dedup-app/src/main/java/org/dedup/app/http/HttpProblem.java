package org.dedup.app.http;

import java.util.Map;

/**
 * A request that cannot be served, with the HTTP status and a message naming the problem; sent as RFC 9457
 * problem+json, with {@code headers} (Allow, Retry-After) beside it.
 */
final class HttpProblem extends RuntimeException {
    private final int status;
    private final Map<String, String> headers;

    HttpProblem(int status, String message) {
        this(status, message, Map.of());
    }

    HttpProblem(int status, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }
}
