package org.dedup.persistence;

import java.util.UUID;

import org.dedup.testing.TestPostgres;

/** Fresh databases for tests: a private in-memory H2, or a new schema in the tests' PostgreSQL ({@link TestPostgres}). */
public final class TestDatabases {
    private TestDatabases() {
    }

    /** A private in-memory H2, migrated, with dedup's tables in the default schema. */
    public static Database h2() {
        return migrated(Database.embedded("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"));
    }

    /** A new schema named after the test; drop it with {@link #dropSchema}. */
    public static String createSchema(String prefix) {
        return TestPostgres.createSchema(prefix);
    }

    /** The tests' PostgreSQL, migrated, with dedup's tables in {@code schema}. */
    public static Database postgres(String schema, int poolSize) {
        return migrated(Database.open(TestPostgres.url(), TestPostgres.USER, TestPostgres.PASSWORD, poolSize,
                DedupSchema.named(schema)));
    }

    private static Database migrated(Database database) {
        database.migrate();
        return database;
    }

    public static void dropSchema(String schema) {
        TestPostgres.dropSchema(schema);
    }
}
