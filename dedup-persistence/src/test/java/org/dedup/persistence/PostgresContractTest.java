package org.dedup.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The port contracts on the local PostgreSQL, in a fresh schema dropped after the class. */
class PostgresContractTest extends JooqContracts {
    private static String schema;
    private static Database database;

    @BeforeAll
    static void open() {
        schema = TestDatabases.createSchema("persist_contract");
        database = TestDatabases.postgres(schema, 4);
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
