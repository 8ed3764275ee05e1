package org.dedup.app.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The query parameters of a request URI, decoded; a parameter given twice keeps its last value. */
record QueryParameters(Map<String, String> values) {

    /** The parameters of a raw (still URL-encoded) query string, none when it is null. */
    static QueryParameters of(String query) {
        Map<String, String> values = new HashMap<>();
        if (query != null && !query.isEmpty()) {
            for (String parameter : query.split("&")) {
                int equals = parameter.indexOf('=');
                String name = equals < 0 ? parameter : parameter.substring(0, equals);
                String value = equals < 0 ? "" : parameter.substring(equals + 1);
                values.put(decoded(name), decoded(value));
            }
        }
        return new QueryParameters(Map.copyOf(values));
    }

    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(400, "the query string is not URL-encoded: " + e.getMessage());
        }
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** A true/false parameter, {@code otherwise} when absent; any other value is a 400 naming it. */
    boolean flag(String name, boolean otherwise) {
        return get(name).map(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new HttpProblem(400, "query parameter '" + name + "' must be true or false, was '"
                    + value + "'");
        }).orElse(otherwise);
    }

    /** A whole number between 1 and {@code max}, {@code otherwise} when absent; anything else is a 400 naming it. */
    int number(String name, int otherwise, int max) {
        return get(name).map(value -> {
            try {
                int number = Integer.parseInt(value);
                if (number >= 1 && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // refused below, with the value
            }
            throw new HttpProblem(400, "query parameter '" + name + "' must be a whole number from 1 to " + max
                    + ", was '" + value + "'");
        }).orElse(otherwise);
    }

    /**
     * A comma-separated list of constants of {@code type} in lower case, none when absent; an unknown one is a 400
     * naming the parameter and the known ones.
     */
    <E extends Enum<E>> Set<E> constants(String name, Class<E> type) {
        return get(name).map(text -> Arrays.stream(text.split(",")).map(value -> Arrays.stream(
                type.getEnumConstants()).filter(c -> lower(c).equals(value.strip())).findFirst().orElseThrow(
                        () -> new HttpProblem(400, "query parameter '" + name + "' has an unknown value '" + value
                                + "'; one of " + Arrays.stream(type.getEnumConstants()).map(QueryParameters::lower)
                                .toList()))).collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
