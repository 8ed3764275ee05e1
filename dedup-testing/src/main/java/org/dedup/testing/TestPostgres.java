package org.dedup.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL every test runs against: the database named by {@code DEDUP_TEST_POSTGRES_URL} (or the system
 * property {@code dedup.test.postgres.url}) when given, as CI gives the system PostgreSQL; otherwise a real PostgreSQL
 * started once per test JVM from the binaries on Maven Central ({@link EmbeddedPostgres}), so the tests need nothing
 * but a JDK. User {@code postgres}, no password, in either case.
 */
public final class TestPostgres {
    public static final String URL_VARIABLE = "DEDUP_TEST_POSTGRES_URL";
    public static final String URL_PROPERTY = "dedup.test.postgres.url";
    public static final String USER = "postgres";
    public static final String PASSWORD = "";

    private TestPostgres() {
    }

    /** The JDBC URL of the tests' database, starting the embedded PostgreSQL on first use when none is given. */
    public static String url() {
        return Holder.URL;
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }

    /**
     * A new schema named {@code prefix_<random>}, for one test's tables: a test gives it to dedup as its schema
     * setting (dedup names it in every statement), so tests sharing the database never meet. Drop it with
     * {@link #dropSchema}.
     */
    public static String createSchema(String prefix) {
        String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("create schema " + schema);
        return schema;
    }

    public static void dropSchema(String schema) {
        execute("drop schema if exists " + schema + " cascade");
    }

    /** Runs one statement of test set-up (DDL on a scratch schema), failing the test with the reason. */
    public static void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test PostgreSQL at " + url() + ": " + e.getMessage(), e);
        }
    }

    private static final class Holder {
        private static final String URL = resolve();

        private static String resolve() {
            String given = System.getenv(URL_VARIABLE);
            if (given == null || given.isBlank()) {
                given = System.getProperty(URL_PROPERTY);
            }
            if (given != null && !given.isBlank()) {
                System.err.println("tests: PostgreSQL at " + given + " (" + URL_VARIABLE + ")");
                return given;
            }
            EmbeddedPostgres embedded = EmbeddedPostgres.start();
            System.err.println("tests: embedded PostgreSQL " + PostgresBinaries.VERSION + " at " + embedded.url()
                    + " (no " + URL_VARIABLE + " given)");
            return embedded.url();
        }
    }
}
