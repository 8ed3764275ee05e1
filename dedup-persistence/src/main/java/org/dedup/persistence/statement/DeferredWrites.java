package org.dedup.persistence.statement;

import java.util.List;

/**
 * Where a transaction keeps the writes it may send later: with its next statement, or with its commit, in the same
 * round trip. A write kept there is one whose only outcome that matters is whether it fails (an insert of a new row);
 * when it fails, the statement or the commit it went with fails, and the transaction is rolled back.
 */
public interface DeferredWrites {

    /**
     * Keeps {@code sql} with {@code values} (bound in order; a null value bound as {@code nullTypes}' SQL type at its
     * place) for the calling thread's transaction; false, keeping nothing, when the thread has no transaction open.
     */
    boolean defer(String sql, List<Object> values, List<Integer> nullTypes);
}
