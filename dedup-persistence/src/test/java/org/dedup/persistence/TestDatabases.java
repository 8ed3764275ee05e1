package org.dedup.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** Fresh databases for tests: a private in-memory H2, or a new schema in the local PostgreSQL. */
public final class TestDatabases {
    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    private TestDatabases() {
    }

    public static Database h2() {
        return Database.embedded("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }

    /** A new schema named after the test; drop it with {@link #dropSchema}. */
    public static String createSchema(String prefix) {
        String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create schema " + schema);
        return schema;
    }

    public static Database postgres(String schema, int poolSize) {
        return Database.open(POSTGRES + "?currentSchema=" + schema, "postgres", "", poolSize);
    }

    public static void dropSchema(String schema) {
        execute("drop schema if exists " + schema + " cascade");
    }

    private static void execute(String ddl) {
        try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(ddl);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 (database test) is needed: " + e.getMessage(),
                    e);
        }
    }
}
