package org.dedup.persistence;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresPortContractTest extends JooqPortContract {
    private static String schema;
    private static Database database;

    @BeforeAll
    static void open() {
        schema = TestDatabases.createSchema("contract");
        database = TestDatabases.postgres(schema, 4);
    }

    @AfterAll
    static void close() {
        database.close();
        TestDatabases.dropSchema(schema);
    }

    @Override
    protected DSLContext dsl() {
        return database.dsl();
    }
}
