package org.dedup.app.config;

import org.dedup.persistence.Database;
import org.dedup.persistence.DedupSchema;
import org.dedup.persistence.H2Url;

/**
 * The database: a JDBC URL (PostgreSQL in production), without one the embedded H2 file database; and the schema that
 * holds dedup's tables ({@code dedup} unless set), apart from whatever else the database holds.
 */
public record DatabaseConfig(String url, String user, String password, Integer poolSize, String schema) {
    public DatabaseConfig {
        url = url == null || url.isBlank() ? Database.EMBEDDED_URL : url;
        user = user == null ? (url.startsWith("jdbc:h2:") ? "sa" : "postgres") : user;
        password = password == null ? "" : password;
        poolSize = poolSize == null ? 16 : poolSize;
        schema = schema == null ? DedupSchema.DEFAULT.name() : schema;
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("database.url", "must be a jdbc:postgresql: or jdbc:h2: URL, was '" + url + "'");
        }
        if (url.startsWith("jdbc:h2:")) {
            try {
                H2Url.compatible(url);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("database.url", "is refused: " + e.getMessage());
            }
        }
        if (poolSize < 1 || poolSize > 500) {
            throw new ConfigException("database.poolSize", "must be between 1 and 500, was " + poolSize);
        }
        try {
            DedupSchema.named(schema);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("database.schema", "is refused: " + e.getMessage());
        }
    }

    public static DatabaseConfig embedded() {
        return of(null);
    }

    public static DatabaseConfig of(String url) {
        return new DatabaseConfig(url, null, null, null, null);
    }

    public DatabaseConfig withSchema(String newSchema) {
        return new DatabaseConfig(url, user, password, poolSize, newSchema);
    }

    public DedupSchema dedupSchema() {
        return DedupSchema.named(schema);
    }
}
