package org.dedup.persistence;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.dedup.persistence.transaction.ThreadBoundTransactions;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.TransactionProvider;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;

/**
 * Opens dedup's database for the CLI and the server: a HikariCP pool for a JDBC URL (PostgreSQL in production), or the
 * embedded H2 file database when none is configured, with dedup's tables in {@link DedupSchema}; and builds the jOOQ
 * context whose transactions are bound to the calling thread. Opening does not migrate: the owner calls
 * {@link #migrate()} once.
 */
public final class Database implements AutoCloseable {
    /** The embedded default: an H2 file under ./data, in PostgreSQL compatibility mode. */
    public static final String EMBEDDED_URL = H2Url.compatible("jdbc:h2:file:./data/dedup");
    private static final long CONNECTION_TIMEOUT_MILLIS = 5_000;
    private final HikariDataSource dataSource;
    private final SQLDialect dialect;
    private final DedupSchema schema;
    private final DSLContext dsl;

    private Database(HikariDataSource dataSource, DedupSchema schema) {
        this.dataSource = dataSource;
        this.dialect = dialectOf(dataSource.getJdbcUrl());
        this.schema = schema;
        this.dsl = context(dataSource, dialect, schema);
    }

    /** The database at {@code jdbcUrl}; an H2 URL gets the settings dedup needs ({@link H2Url}). */
    public static Database open(String jdbcUrl, String user, String password, int poolSize, DedupSchema schema) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl.startsWith("jdbc:h2:") ? H2Url.compatible(jdbcUrl) : jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        // a request waits this long for a connection, then fails as unavailable (HTTP 503) instead of hanging
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setPoolName("dedup");
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            // a batch of single-row inserts (a batch of arrivals' leads, contacts and keys) goes to PostgreSQL as a
            // few multi-row inserts: far less work per row for the server than one statement per row
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return new Database(new HikariDataSource(config), schema);
    }

    /** An H2 database (user {@code sa}) with dedup's tables in the {@linkplain DedupSchema#DEFAULT default schema}. */
    public static Database embedded(String h2Url) {
        return open(h2Url, "sa", "", 8, DedupSchema.DEFAULT);
    }

    /** Brings dedup's tables up to date ({@link DedupSchema#migrate}): once, before the first use. */
    public void migrate() {
        schema.migrate(dataSource);
    }

    /**
     * A jOOQ context over any data source, whose statements name dedup's tables in {@code schema}; its transactions
     * join the calling thread's.
     */
    public static DSLContext context(DataSource dataSource, SQLDialect dialect, DedupSchema schema) {
        ThreadBoundTransactions transactions = new ThreadBoundTransactions(
                new DataSourceConnectionProvider(dataSource));
        return DSL.using(new DefaultConfiguration()
                .set((ConnectionProvider) transactions)
                .set((TransactionProvider) transactions)
                .set(dialect)
                // no debug LoggerListener on every statement: statements are logged by PostgreSQL when needed
                .set(new Settings().withExecuteWithOptimisticLocking(false).withExecuteLogging(false)
                        .withRenderMapping(schema.renderMapping())));
    }

    public static SQLDialect dialectOf(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:") ? SQLDialect.POSTGRES : SQLDialect.H2;
    }

    public DSLContext dsl() {
        return dsl;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    public DedupSchema schema() {
        return schema;
    }

    public JooqAdapters adapters() {
        return new JooqAdapters(dsl);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
