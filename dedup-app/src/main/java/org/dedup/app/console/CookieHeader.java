package org.dedup.app.console;

import java.util.Optional;

/** Reads one cookie's value from a request's {@code Cookie} header. */
final class CookieHeader {
    private CookieHeader() {
    }

    static Optional<String> value(String header, String name) {
        if (header == null) {
            return Optional.empty();
        }
        for (String part : header.split(";")) {
            String pair = part.strip();
            if (pair.startsWith(name + "=")) {
                return Optional.of(pair.substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }
}
