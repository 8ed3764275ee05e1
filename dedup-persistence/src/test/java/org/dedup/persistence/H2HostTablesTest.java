package org.dedup.persistence;

import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.jooq.SQLDialect;

/** A host on H2 with its table {@code lead} in H2's default schema, {@code public}; dedup in its default schema. */
class H2HostTablesTest extends HostTablesContract {
    private final JdbcDataSource host = new JdbcDataSource();

    H2HostTablesTest() {
        host.setURL(H2Url.compatible("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        host.setUser("sa");
    }

    @Override
    protected DataSource host() {
        return host;
    }

    @Override
    protected String hostSchema() {
        return "public";
    }

    @Override
    protected DedupSchema dedupSchema() {
        return DedupSchema.DEFAULT;
    }

    @Override
    protected SQLDialect dialect() {
        return SQLDialect.H2;
    }
}
