package org.dedup.persistence;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class H2PortContractTest extends JooqPortContract {
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
    protected DSLContext dsl() {
        return database.dsl();
    }
}
