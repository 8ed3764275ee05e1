package org.dedup.persistence.transaction;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayDeque;
import java.util.Deque;

import org.jooq.ConnectionProvider;
import org.jooq.TransactionContext;
import org.jooq.TransactionProvider;
import org.jooq.exception.DataAccessException;

/**
 * jOOQ transactions bound to the calling thread: a transaction holds one pooled connection, which every statement
 * of the context on that thread uses until the transaction ends; a nested transaction is a savepoint. Unlike jOOQ's
 * DefaultTransactionProvider it never reads the connection's isolation level to restore it afterwards, which costs
 * the PostgreSQL driver a round trip per transaction: dedup never changes the isolation level.
 */
public final class ThreadBoundTransactions implements TransactionProvider, ConnectionProvider {
    private final ConnectionProvider pool;
    private final ThreadLocal<Open> current = new ThreadLocal<>();

    private record Open(Connection connection, Deque<Savepoint> savepoints) {
    }

    public ThreadBoundTransactions(ConnectionProvider pool) {
        this.pool = pool;
    }

    @Override
    public Connection acquire() {
        Open open = current.get();
        return open == null ? pool.acquire() : open.connection();
    }

    @Override
    public void release(Connection connection) {
        Open open = current.get();
        if (open == null || open.connection() != connection) {
            pool.release(connection);
        }
    }

    @Override
    public void begin(TransactionContext ctx) {
        Open open = current.get();
        try {
            if (open != null) {
                open.savepoints().push(open.connection().setSavepoint());
                return;
            }
            Connection connection = pool.acquire();
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                pool.release(connection);
                throw e;
            }
            current.set(new Open(connection, new ArrayDeque<>()));
        } catch (SQLException e) {
            throw new DataAccessException("could not begin a transaction", e);
        }
    }

    @Override
    public void commit(TransactionContext ctx) {
        finish("commit", Connection::releaseSavepoint, Connection::commit);
    }

    @Override
    public void rollback(TransactionContext ctx) {
        if (current.get() != null) { // null when its commit failed and already ended it
            finish("roll back", Connection::rollback, Connection::rollback);
        }
    }

    private interface SavepointStep {
        void apply(Connection connection, Savepoint savepoint) throws SQLException;
    }

    private interface TransactionStep {
        void apply(Connection connection) throws SQLException;
    }

    /** Ends the innermost level: a nested one at its savepoint, the outermost on the connection, then releases it. */
    private void finish(String what, SavepointStep nested, TransactionStep outermost) {
        Open open = current.get();
        try {
            if (!open.savepoints().isEmpty()) {
                nested.apply(open.connection(), open.savepoints().pop());
                return;
            }
            try {
                outermost.apply(open.connection());
            } finally {
                end(open);
            }
        } catch (SQLException e) {
            throw new DataAccessException("could not " + what + " a transaction", e);
        }
    }

    private void end(Open open) {
        current.remove();
        try {
            open.connection().setAutoCommit(true);
        } catch (SQLException broken) {
            // the outcome is decided already; the pool discards a broken connection
        } finally {
            pool.release(open.connection());
        }
    }
}
