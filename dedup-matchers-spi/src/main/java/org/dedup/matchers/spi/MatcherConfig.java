package org.dedup.matchers.spi;

import java.util.Map;
import java.util.Optional;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Require;

/**
 * The configuration of one matcher, as string keys and values (from the {@code matchers.<id>} section of the
 * application configuration). Typed getters fail with a message naming the provider and the key.
 */
public record MatcherConfig(String providerId, Map<String, String> values) {
    public MatcherConfig {
        Require.nonBlank(providerId, "provider id");
        values = Require.copy(values, "matcher configuration");
    }

    public static MatcherConfig empty(String providerId) {
        return new MatcherConfig(providerId, Map.of());
    }

    public Optional<String> find(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public String string(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    public String requireString(String key) {
        return find(key).orElseThrow(() -> invalid(key, "is required"));
    }

    public double decimal(String key, double defaultValue) {
        String raw = values.get(key);
        if (raw == null) {
            return defaultValue;
        }
        try {
            return Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            throw invalid(key, "must be a number, was '" + Require.abbreviate(raw) + "'");
        }
    }

    public int integer(String key, int defaultValue) {
        String raw = values.get(key);
        if (raw == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw invalid(key, "must be a whole number, was '" + Require.abbreviate(raw) + "'");
        }
    }

    private InvalidRecordException invalid(String key, String problem) {
        return new InvalidRecordException("matchers." + providerId + "." + key + " " + problem);
    }
}
