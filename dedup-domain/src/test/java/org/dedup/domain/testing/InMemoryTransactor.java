package org.dedup.domain.testing;

import java.util.Collection;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.KeyLocks;
import org.dedup.domain.store.Transactor;

/**
 * Serialises all work, which is what key locks promise, but does not roll back: use the database adapters where
 * a test asserts a rollback.
 */
public final class InMemoryTransactor implements Transactor, KeyLocks {
    private final ReentrantLock lock = new ReentrantLock();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void lock(TenantId tenant, Collection<MatchKey> keys) {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("key locks are taken inside a transaction");
        }
    }
}
