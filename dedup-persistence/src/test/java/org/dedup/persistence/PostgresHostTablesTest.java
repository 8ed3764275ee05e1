package org.dedup.persistence;

import javax.sql.DataSource;

import org.dedup.testing.TestPostgres;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterEach;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A host on PostgreSQL whose connections' current schema holds its table {@code lead} (as {@code public} would, in a
 * database of the tests' own), and dedup in a schema of its own; both fresh for each test and dropped after it.
 */
class PostgresHostTablesTest extends HostTablesContract {
    private final String hostSchema = TestPostgres.createSchema("host");
    private final DedupSchema dedupSchema = DedupSchema.named(TestPostgres.createSchema("dedup"));
    private final PGSimpleDataSource host = new PGSimpleDataSource();

    PostgresHostTablesTest() {
        host.setURL(TestPostgres.url());
        host.setUser(TestPostgres.USER);
        host.setPassword(TestPostgres.PASSWORD);
        host.setCurrentSchema(hostSchema);
    }

    @AfterEach
    void dropSchemas() {
        TestPostgres.dropSchema(hostSchema);
        TestPostgres.dropSchema(dedupSchema.name());
    }

    @Override
    protected DataSource host() {
        return host;
    }

    @Override
    protected String hostSchema() {
        return hostSchema;
    }

    @Override
    protected DedupSchema dedupSchema() {
        return dedupSchema;
    }

    @Override
    protected SQLDialect dialect() {
        return SQLDialect.POSTGRES;
    }
}
