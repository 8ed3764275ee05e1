package org.dedup.persistence.transaction;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.KeyLocks;
import org.dedup.domain.store.Transactor;
import org.jooq.DSLContext;

import static org.dedup.persistence.jooq.Tables.KEY_LOCK;

/**
 * Transactions bound to the calling thread (jOOQ's ThreadLocalTransactionProvider, so every adapter call made
 * inside {@code work} joins them; nested calls become savepoints), and key locks as row locks on
 * {@code key_lock}: a row per tenant and key hash is created if missing and locked with SELECT ... FOR UPDATE,
 * in ascending hash order so that two transactions never wait on each other in a cycle.
 */
public final class JooqTransactor implements Transactor, KeyLocks {
    private final DSLContext dsl;

    public JooqTransactor(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return dsl.transactionResult(work::get);
    }

    @Override
    public void lock(TenantId tenant, Collection<MatchKey> keys) {
        List<Long> hashes = keys.stream().map(JooqTransactor::hash).distinct().sorted().toList();
        for (Long hash : hashes) {
            dsl.insertInto(KEY_LOCK, KEY_LOCK.TENANT_ID, KEY_LOCK.KEY_HASH).values(tenant.value(), hash)
                    .onConflictDoNothing().execute();
        }
        if (!hashes.isEmpty()) {
            dsl.select(KEY_LOCK.KEY_HASH).from(KEY_LOCK)
                    .where(KEY_LOCK.TENANT_ID.eq(tenant.value()).and(KEY_LOCK.KEY_HASH.in(hashes)))
                    .orderBy(KEY_LOCK.KEY_HASH).forUpdate().fetch();
        }
    }

    /** A 64-bit FNV-1a hash of the key; a collision only makes two unrelated arrivals wait for each other. */
    static long hash(MatchKey key) {
        long hash = 0xcbf29ce484222325L;
        for (char c : key.toString().toCharArray()) {
            hash ^= c;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
