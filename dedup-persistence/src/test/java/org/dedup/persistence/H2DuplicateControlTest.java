package org.dedup.persistence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Duplicate control on the embedded default, H2, whose key locks are row locks instead of advisory locks. */
class H2DuplicateControlTest extends DuplicateControlOnDatabase {
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
