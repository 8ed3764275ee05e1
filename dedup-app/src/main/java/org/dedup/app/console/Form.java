package org.dedup.app.console;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A posted HTML form ({@code application/x-www-form-urlencoded}): each name with its values in order. */
record Form(Map<String, List<String>> values) {
    static final String CSRF = "csrf";

    static Form parse(String body) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return new Form(values);
    }

    Optional<String> first(String name) {
        return values.getOrDefault(name, List.of()).stream().findFirst();
    }

    String value(String name) {
        return first(name).orElse("");
    }

    /** The fields named {@code prefix + something}, keyed by the something. */
    Map<String, String> withPrefix(String prefix) {
        Map<String, String> found = new LinkedHashMap<>();
        values.forEach((name, list) -> {
            if (name.startsWith(prefix) && !list.isEmpty()) {
                found.put(name.substring(prefix.length()), list.getFirst());
            }
        });
        return found;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
