package org.dedup.domain.store;

import java.util.function.Supplier;

/**
 * Port: runs work atomically. Every port call made by {@code work} on the calling thread joins the transaction;
 * an exception rolls all of it back. Nested calls join the outer transaction.
 */
public interface Transactor {

    <T> T inTransaction(Supplier<T> work);
}
