package org.dedup.domain.store;

import java.util.Collection;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.TenantId;

/**
 * Port: serialises concurrent work on the same match keys of a tenant, so two arrivals of the same lead cannot
 * both miss each other and create two leads. Must be called inside {@link Transactor#inTransaction}; the locks
 * are held before the transaction's next read or write of the store (an implementation may send them with it) and
 * until the transaction ends. Implementations lock in a fixed order so callers cannot deadlock.
 */
public interface KeyLocks {

    void lock(TenantId tenant, Collection<MatchKey> keys);
}
