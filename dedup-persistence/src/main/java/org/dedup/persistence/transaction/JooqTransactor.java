package org.dedup.persistence.transaction;

import java.util.function.Supplier;

import org.dedup.domain.store.Transactor;
import org.dedup.persistence.failure.Storage;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Transactions bound to the calling thread: the context is built with {@link ThreadBoundTransactions} (see
 * {@code Database.context}), so every adapter call made inside {@code work} on this thread runs on the
 * transaction's connection, and a nested call joins the outer transaction as a savepoint. Failing to get a
 * connection, to commit or to roll back is translated like any statement's failure (see {@link Storage}).
 */
public final class JooqTransactor implements Transactor {
    private final DSLContext dsl;

    public JooqTransactor(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return dsl.transactionResult(configuration -> work.get());
        } catch (DataAccessException e) {
            throw Storage.translated("could not run a transaction", e);
        }
    }
}
