package org.dedup.bench;

import java.util.HashMap;
import java.util.Map;

/** Harness arguments written {@code name=value}; each harness reads the names it knows, with defaults. */
public final class NamedArgs {
    private final Map<String, String> given = new HashMap<>();

    private NamedArgs() {
    }

    public static NamedArgs parse(String[] args) {
        NamedArgs parsed = new NamedArgs();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("arguments are name=value, got '" + arg + "'");
            }
            parsed.given.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return parsed;
    }

    /** These arguments with {@code name} set to {@code value}. */
    public NamedArgs with(String name, String value) {
        NamedArgs changed = new NamedArgs();
        changed.given.putAll(given);
        changed.given.put(name, value);
        return changed;
    }

    public String text(String name, String fallback) {
        return given.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        return given.containsKey(name) ? Integer.parseInt(given.get(name)) : fallback;
    }

    /** The JDBC URL of the database harnesses use unless told otherwise: the local PostgreSQL, database test. */
    public String url() {
        return text("url", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    /** {@link #url()} with the given schema as the connection's current schema. */
    public String url(String schema) {
        return url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public String user() {
        return text("user", "postgres");
    }

    public String password() {
        return text("password", "");
    }
}
