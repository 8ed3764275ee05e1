package org.dedup.app.config;

import org.dedup.persistence.Database;
import org.dedup.persistence.H2Url;

/** The database: a JDBC URL (PostgreSQL in production); without one, the embedded H2 file database. */
public record DatabaseConfig(String url, String user, String password, Integer poolSize) {
    public DatabaseConfig {
        url = url == null || url.isBlank() ? Database.EMBEDDED_URL : url;
        user = user == null ? (url.startsWith("jdbc:h2:") ? "sa" : "postgres") : user;
        password = password == null ? "" : password;
        poolSize = poolSize == null ? 16 : poolSize;
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
    }

    public static DatabaseConfig embedded() {
        return new DatabaseConfig(null, null, null, null);
    }

    public static DatabaseConfig of(String url) {
        return new DatabaseConfig(url, null, null, null);
    }
}
