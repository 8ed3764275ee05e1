package org.dedup.persistence.transaction;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

import org.jooq.ConnectionProvider;
import org.jooq.Transaction;
import org.jooq.TransactionContext;
import org.jooq.TransactionProvider;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jOOQ transactions bound to the calling thread: a transaction holds one pooled connection, which every statement
 * of the context on that thread uses until the transaction ends; a nested transaction is a savepoint. Unlike jOOQ's
 * DefaultTransactionProvider it never reads the connection's isolation level to restore it afterwards, which costs
 * the PostgreSQL driver a round trip per transaction: dedup never changes the isolation level.
 */
public final class ThreadBoundTransactions implements TransactionProvider, ConnectionProvider {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadBoundTransactions.class);
    private final ConnectionProvider pool;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    /** One level, kept in jOOQ's context of that level: the outermost has no savepoint. */
    private record Level(Savepoint savepoint) implements Transaction {
    }

    public ThreadBoundTransactions(ConnectionProvider pool) {
        this.pool = pool;
    }

    @Override
    public Connection acquire() {
        Connection connection = current.get();
        return connection == null ? pool.acquire() : connection;
    }

    @Override
    public void release(Connection connection) {
        if (current.get() != connection) {
            pool.release(connection);
        }
    }

    @Override
    public void begin(TransactionContext ctx) {
        Connection open = current.get();
        try {
            if (open != null) {
                ctx.transaction(new Level(open.setSavepoint()));
                return;
            }
            Connection connection = pool.acquire();
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                pool.release(connection);
                throw e;
            }
            current.set(connection);
            ctx.transaction(new Level(null));
        } catch (SQLException e) {
            throw new DataAccessException("could not begin a transaction", e);
        }
    }

    @Override
    public void commit(TransactionContext ctx) {
        finish(ctx, "commit", Connection::releaseSavepoint, Connection::commit);
    }

    @Override
    public void rollback(TransactionContext ctx) {
        if (current.get() != null) { // null when the outermost commit failed and already ended it
            finish(ctx, "roll back", Connection::rollback, Connection::rollback);
        }
    }

    private interface SavepointStep {
        void apply(Connection connection, Savepoint savepoint) throws SQLException;
    }

    private interface TransactionStep {
        void apply(Connection connection) throws SQLException;
    }

    /**
     * Ends the context's level: a nested one at its savepoint, the outermost on the connection, which then goes back
     * to the pool. A nested commit that fails leaves its level to the rollback that follows it.
     */
    private void finish(TransactionContext ctx, String what, SavepointStep nested, TransactionStep outermost) {
        Connection connection = current.get();
        Savepoint savepoint = ((Level) ctx.transaction()).savepoint();
        try {
            if (savepoint != null) {
                nested.apply(connection, savepoint);
                return;
            }
            try {
                outermost.apply(connection);
            } finally {
                end(connection);
            }
        } catch (SQLException e) {
            throw new DataAccessException("could not " + what + " a transaction", e);
        }
    }

    private void end(Connection connection) {
        current.remove();
        try {
            connection.setAutoCommit(true);
        } catch (SQLException broken) {
            // the outcome is decided already; the pool discards a broken connection
        } finally {
            releaseAfterEnd(connection);
        }
    }

    /** Back to the pool after the outcome is decided: a failure here must not turn a commit into a failure. */
    private void releaseAfterEnd(Connection connection) {
        try {
            pool.release(connection);
        } catch (RuntimeException closing) {
            LOG.warn("a connection could not go back to the pool after its transaction ended: {}", closing.toString());
        }
    }
}
