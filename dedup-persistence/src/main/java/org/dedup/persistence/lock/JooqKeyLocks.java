package org.dedup.persistence.lock;

import static org.dedup.persistence.jooq.Tables.KEY_LOCK;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.KeyLocks;
import org.dedup.persistence.failure.Storage;
import org.dedup.persistence.statement.RenderedStatements;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.SQLDialect;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.SQLDataType;

/**
 * Key locks held until the calling transaction ends, taken in ascending hash order so two arrivals never wait on
 * each other in a cycle. PostgreSQL: {@code pg_advisory_xact_lock} on a 64-bit hash of tenant and key, which
 * writes nothing, all of an arrival's keys in one statement. H2 has no advisory locks: a row per tenant and hash in
 * {@code key_lock} is created if missing (the creating transaction holds it until it ends) and locked with
 * SELECT ... FOR UPDATE.
 *
 * <p>PostgreSQL keeps advisory locks in a lock table shared by every database of the cluster
 * ({@code max_locks_per_transaction} × connections, 6,400 slots by default): one transaction holding thousands of
 * them fails everyone else's with "out of shared memory". So every call first takes a tenant lock <em>shared</em>,
 * and a call with more than {@value #MAX_KEY_LOCKS} keys takes that tenant lock <em>exclusively</em> instead of a
 * lock per key: it then waits for, and excludes, every other locker of the tenant, which is what locking all its
 * keys would have done, at the price of serialising the tenant while it runs. No call holds more than
 * {@value #MAX_KEY_LOCKS} + 1 locks.
 */
public final class JooqKeyLocks implements KeyLocks {
    /** The most advisory locks one call takes; a larger key set takes the tenant lock exclusively instead. */
    public static final int MAX_KEY_LOCKS = 256;
    /** Made once: jOOQ makes a new data type at each {@code array()} call. */
    private static final DataType<Long[]> HASHES = SQLDataType.BIGINT.array();
    private final DSLContext dsl;
    private final RenderedStatements statements;

    public JooqKeyLocks(DSLContext dsl) {
        this.dsl = dsl;
        this.statements = new RenderedStatements(dsl);
    }

    @Override
    public void lock(TenantId tenant, Collection<MatchKey> keys) {
        List<Long> hashes = keys.stream().map(key -> hash(tenant, key)).distinct().sorted().toList();
        if (hashes.isEmpty()) {
            return;
        }
        Storage.run("lock", hashes.size() + " keys", tenant, () -> {
            if (dsl.dialect().family() == SQLDialect.POSTGRES && hashes.size() > MAX_KEY_LOCKS) {
                statements.executeLater("lock tenant", v -> dsl.resultQuery("select count(pg_advisory_xact_lock({0}))",
                        v.of(SQLDataType.BIGINT, tenantHash(tenant))));
            } else if (dsl.dialect().family() == SQLDialect.POSTGRES) {
                // the tenant lock (shared, first) and every key by one statement; unnest yields the array in order,
                // so the key locks are taken in ascending order as with one statement per key. Its text is the same
                // however many keys, so that it goes with the statement after it (the transaction's next read) in
                // one round trip, both prepared once
                List<Long> locks = new ArrayList<>(hashes.size() + 1);
                locks.add(tenantHash(tenant));
                locks.addAll(hashes);
                statements.executeLater("lock", v -> dsl.resultQuery(
                        "select count(case when o = 1 then pg_advisory_xact_lock_shared(h) "
                                + "else pg_advisory_xact_lock(h) end) from unnest({0}) with ordinality as t(h, o)",
                        v.of(HASHES, locks.toArray(Long[]::new))));
            } else {
                lockRows(tenant, hashes);
            }
        });
    }

    private void lockRows(TenantId tenant, List<Long> hashes) {
        for (Long hash : hashes) {
            createRow(tenant, hash);
        }
        dsl.select(KEY_LOCK.KEY_HASH).from(KEY_LOCK)
                .where(KEY_LOCK.TENANT_ID.eq(tenant.value()), KEY_LOCK.KEY_HASH.in(hashes))
                .orderBy(KEY_LOCK.KEY_HASH).forUpdate().fetch();
    }

    /**
     * Creates the lock row unless it exists. A racing transaction that inserted the same row first holds it until it
     * ends; H2 then fails this statement (only the statement: the transaction goes on) with a duplicate key, and the
     * row exists for the SELECT ... FOR UPDATE that follows.
     */
    private void createRow(TenantId tenant, long hash) {
        try {
            dsl.insertInto(KEY_LOCK, KEY_LOCK.TENANT_ID, KEY_LOCK.KEY_HASH).values(tenant.value(), hash).execute();
        } catch (IntegrityConstraintViolationException alreadyThere) {
            // the row exists, committed by the transaction that held it
        }
    }

    /** A 64-bit FNV-1a hash of tenant and key; a collision only makes two unrelated arrivals wait for each other. */
    static long hash(TenantId tenant, MatchKey key) {
        return fnv1a(tenant.value() + '\u0000' + key.namespace() + '\u0000' + key.value());
    }

    /** The hash of the tenant lock; no key hashes the same text, since a key's namespace is never empty. */
    static long tenantHash(TenantId tenant) {
        return fnv1a(tenant.value() + '\u0000' + '\u0000');
    }

    private static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
