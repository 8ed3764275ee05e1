package org.dedup.domain.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validation shared by the compact constructors of the model records. */
public final class Require {
    private static final int SHOWN_CHARACTERS = 60;

    private Require() {
    }

    public static <T> T nonNull(T value, String field) {
        if (value == null) {
            throw new InvalidRecordException(field + " is required");
        }
        return value;
    }

    public static String nonBlank(String value, String field) {
        if (nonNull(value, field).isBlank()) {
            throw new InvalidRecordException(field + " must not be blank");
        }
        return value;
    }

    public static String maxLength(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new InvalidRecordException(field + " is " + value.length()
                    + " characters long, at most " + max + " are allowed");
        }
        return value;
    }

    public static <T> List<T> copy(List<T> values, String field) {
        return List.copyOf(nonNull(values, field));
    }

    public static <T> Set<T> copy(Set<T> values, String field) {
        return Set.copyOf(nonNull(values, field));
    }

    public static <K, V> Map<K, V> copy(Map<K, V> values, String field) {
        return Map.copyOf(nonNull(values, field));
    }

    public static int positive(int value, String field) {
        if (value <= 0) {
            throw new InvalidRecordException(field + " must be positive, was " + value);
        }
        return value;
    }

    /** Shortens a user-supplied value before it is echoed in an error message. */
    public static String abbreviate(String value) {
        return value.length() <= SHOWN_CHARACTERS ? value : value.substring(0, SHOWN_CHARACTERS) + "...";
    }
}
