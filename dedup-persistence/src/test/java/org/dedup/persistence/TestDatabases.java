package org.dedup.persistence;

import java.util.UUID;

import org.dedup.testing.TestPostgres;

/** Fresh databases for tests: a private in-memory H2, or a new schema in the tests' PostgreSQL ({@link TestPostgres}). */
public final class TestDatabases {
    private TestDatabases() {
    }

    public static Database h2() {
        return Database.embedded("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }

    /** A new schema named after the test; drop it with {@link #dropSchema}. */
    public static String createSchema(String prefix) {
        return TestPostgres.createSchema(prefix);
    }

    public static Database postgres(String schema, int poolSize) {
        return Database.open(TestPostgres.url(schema), TestPostgres.USER, TestPostgres.PASSWORD, poolSize);
    }

    public static void dropSchema(String schema) {
        TestPostgres.dropSchema(schema);
    }
}
