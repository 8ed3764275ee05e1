package org.dedup.persistence.transaction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.dedup.persistence.statement.DeferredWrites;
import org.jooq.ConnectionProvider;
import org.jooq.Transaction;
import org.jooq.TransactionContext;
import org.jooq.TransactionProvider;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jOOQ transactions bound to the calling thread: a transaction holds one pooled connection, which every statement
 * of the context on that thread uses until the transaction ends; a nested transaction is a savepoint. Unlike jOOQ's
 * DefaultTransactionProvider it never reads the connection's isolation level to restore it afterwards, which costs
 * the PostgreSQL driver a round trip per transaction: dedup never changes the isolation level.
 * <p>
 * A transaction also keeps the {@linkplain DeferredWrites writes deferred} to it: a statement that takes them sends
 * them ahead of itself in its own round trip; otherwise they go, in order, ahead of the transaction's next use of the
 * connection (any statement, a savepoint) or together with its commit, in one round trip: the locks an arrival
 * begins with and the inserts it ends with (its lead, the merge journal, the decision) cost no round trip of their
 * own. The writes deferred inside a savepoint are dropped when it is rolled back, those of a transaction when it is.
 */
public final class ThreadBoundTransactions implements TransactionProvider, ConnectionProvider, DeferredWrites {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadBoundTransactions.class);
    private final ConnectionProvider pool;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private final ThreadLocal<List<Write>> deferred = ThreadLocal.withInitial(ArrayList::new);
    private final ThreadLocal<Boolean> lost = ThreadLocal.withInitial(() -> false);

    /** One level, kept in jOOQ's context of that level: the outermost has no savepoint. */
    private record Level(Savepoint savepoint) implements Transaction {
    }

    public ThreadBoundTransactions(ConnectionProvider pool) {
        this.pool = pool;
    }

    @Override
    public Connection acquire() {
        Connection connection = current.get();
        if (connection == null) {
            return pool.acquire();
        }
        try {
            send(connection, false);
        } catch (SQLException e) {
            throw translated("could not write what the transaction deferred", e);
        }
        return connection;
    }

    @Override
    public boolean defer(Write write) {
        if (current.get() == null) {
            return false;
        }
        deferred.get().add(write);
        return true;
    }

    @Override
    public List<Write> takeDeferred() {
        if (current.get() == null) {
            return List.of();
        }
        List<Write> writes = deferred.get();
        List<Write> taken = List.copyOf(writes);
        writes.clear();
        return taken;
    }

    @Override
    public void lostDeferred() {
        if (current.get() != null) {
            lost.set(true);
        }
    }

    /**
     * Sends the deferred writes, and the commit after them when {@code commit}, in one round trip; with nothing
     * deferred, only the commit. The driver then knows the transaction ended: its own commit sends nothing more.
     */
    private void send(Connection connection, boolean commit) throws SQLException {
        if (commit && lost.get()) {
            throw new SQLException("writes this transaction deferred were taken by a statement that failed before it "
                    + "was sent: the transaction is rolled back");
        }
        List<Write> writes = deferred.get();
        if (writes.isEmpty()) {
            if (commit) {
                connection.commit();
            }
            return;
        }
        List<Write> sending = List.copyOf(writes);
        writes.clear();
        String sql = sending.stream().map(Write::sql).collect(Collectors.joining(";\n"))
                + (commit ? ";\ncommit" : "");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int place = 1;
            for (Write write : sending) {
                place = write.bind(statement, place);
            }
            statement.execute();
        }
        if (commit) {
            connection.commit();
        }
    }

    /** As jOOQ translates the driver's exceptions, so that {@code Storage} names the failure the same way. */
    private static DataAccessException translated(String what, SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23")
                ? new IntegrityConstraintViolationException(what + ": " + e.getMessage(), e)
                : new DataAccessException(what + ": " + e.getMessage(), e);
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
                // what was deferred before the savepoint stays when it is rolled back
                send(open, false);
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
            throw translated("could not begin a transaction", e);
        }
    }

    @Override
    public void commit(TransactionContext ctx) {
        finish(ctx, "commit", (connection, savepoint) -> {
            send(connection, false);
            connection.releaseSavepoint(savepoint);
        }, connection -> {
            try {
                send(connection, true);
            } catch (SQLException e) {
                // a deferred write failed: the transaction is over either way, and nothing of it kept
                rollbackAfterFailure(connection);
                throw e;
            }
        });
    }

    @Override
    public void rollback(TransactionContext ctx) {
        if (current.get() != null) { // null when the outermost commit failed and already ended it
            // every write still deferred was deferred after the level began: each begin sent those before it
            deferred.get().clear();
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
            throw translated("could not " + what + " a transaction", e);
        }
    }

    private static void rollbackAfterFailure(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException broken) {
            // the failure already thrown tells what happened; the pool discards a broken connection
        }
    }

    private void end(Connection connection) {
        current.remove();
        deferred.remove();
        lost.remove();
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
