package org.dedup.persistence.statement;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Where a transaction keeps the writes it may send later: with its next statement, or with its commit, in the same
 * round trip. A write kept there is one whose only outcome that matters is whether it fails (an insert of a new row,
 * a lock); when it fails, the statement or the commit it went with fails, and the transaction is rolled back.
 */
public interface DeferredWrites {

    /**
     * A kept write: {@code statements} statements in {@code sql}, with {@code values} bound in order (a null value
     * bound as {@code nullTypes}' SQL type at its place).
     */
    record Write(String sql, int statements, List<Object> values, List<Integer> nullTypes) {
        /** Binds the values to {@code statement}'s places from {@code place} on; the place after the last bound. */
        public int bind(PreparedStatement statement, int place) throws SQLException {
            return RenderedStatements.bind(statement, place, values, nullTypes::get);
        }
    }

    /** Keeps the write for the calling thread's transaction; false, keeping nothing, when it has none open. */
    boolean defer(Write write);

    /**
     * The writes the calling thread's transaction keeps, in order, handed to a caller that sends them ahead of its
     * own statement in the same round trip; none are kept any more. Empty outside a transaction.
     */
    List<Write> takeDeferred();

    /**
     * The writes last taken could not be sent (the statement they went with failed before it reached the database):
     * the calling thread's transaction must not commit without them, so its commit fails and rolls it back.
     */
    void lostDeferred();
}
