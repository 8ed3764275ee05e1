package org.dedup.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Duplicate control on PostgreSQL, in a fresh schema; the pool is larger than the 16 racing threads. */
class PostgresDuplicateControlTest extends DuplicateControlOnDatabase {
    private static String schema;
    private static Database database;

    @BeforeAll
    static void open() {
        schema = TestDatabases.createSchema("persist_engine");
        database = TestDatabases.postgres(schema, 20);
    }

    @AfterAll
    static void close() {
        database.close();
        TestDatabases.dropSchema(schema);
    }

    @Override
    protected Database database() {
        return database;
    }
}
