package org.dedup.persistence;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * dedup's schema and SQL run on H2 in PostgreSQL compatibility: an H2 URL gets the settings that needs where it lacks
 * them, so a plain {@code jdbc:h2:file:/var/dedup/db} works, and one that sets them otherwise is refused, naming the
 * setting.
 */
public final class H2Url {
    private static final Map<String, String> REQUIRED = requiredSettings();

    private H2Url() {
    }

    /** {@code url} with every required setting, in the order H2 reads them; the URL itself when it has them all. */
    public static String compatible(String url) {
        StringBuilder result = new StringBuilder(url);
        for (Map.Entry<String, String> required : REQUIRED.entrySet()) {
            String given = setting(url, required.getKey());
            if (given == null) {
                result.append(';').append(required.getKey()).append('=').append(required.getValue());
            } else if (!given.equalsIgnoreCase(required.getValue())) {
                throw new IllegalArgumentException("the H2 setting " + required.getKey() + "=" + given
                        + " cannot be used: dedup needs " + required.getKey() + "=" + required.getValue());
            }
        }
        return result.toString();
    }

    /** The value of {@code name} among the URL's {@code ;NAME=value} settings, or null. */
    private static String setting(String url, String name) {
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            if (equals > 0 && parts[i].substring(0, equals).trim().toUpperCase(Locale.ROOT).equals(name)) {
                return parts[i].substring(equals + 1).trim();
            }
        }
        return null;
    }

    private static Map<String, String> requiredSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("MODE", "PostgreSQL");
        settings.put("DATABASE_TO_LOWER", "TRUE");
        settings.put("DEFAULT_NULL_ORDERING", "HIGH");
        return settings;
    }
}
