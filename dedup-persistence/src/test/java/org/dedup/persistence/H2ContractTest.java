package org.dedup.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The port contracts on a private in-memory H2 database in PostgreSQL mode, migrated by Flyway. */
class H2ContractTest extends JooqContracts {
    private static Database database;

    @BeforeAll
    static void open() {
        database = TestDatabases.h2();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Override
    protected Database database() {
        return database;
    }
}
