package org.dedup.app.http;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jetty.http.HttpStatus;

/**
 * An error as RFC 9457 problem details ({@code application/problem+json}): {@code type} (always {@code about:blank},
 * the status says what kind of problem it is), {@code title} (the status's phrase), {@code status}, and {@code detail}
 * naming the problem in this request; a few problems add a member ({@code running}: the scan already running).
 * The detail is written for the caller: never SQL, a class name, a file path or a stack trace.
 */
record Problem(int status, String detail, Map<String, Object> extensions) {
    static final String MEDIA_TYPE = "application/problem+json";

    Problem {
        extensions = Map.copyOf(extensions);
    }

    Problem(int status, String detail) {
        this(status, detail, Map.of());
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title(status));
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(extensions);
        return body;
    }

    static String title(int status) {
        return switch (status) {
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Content";
            default -> HttpStatus.getMessage(status);
        };
    }
}
