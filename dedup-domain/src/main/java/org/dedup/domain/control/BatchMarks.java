package org.dedup.domain.control;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.NotDuplicateStore;
import org.dedup.domain.search.RecordPair;

/**
 * The "not a duplicate" marks a batch of arrivals sees: the store's, except that a lead the batch itself created has
 * none, since no other transaction can have seen it to mark it. So the check right after each new lead was added
 * (BIG DATA's) asks the store nothing about it: a round trip per new lead saved.
 */
final class BatchMarks implements NotDuplicateStore {
    private final NotDuplicateStore store;
    private final Predicate<LeadId> createdInBatch;

    BatchMarks(NotDuplicateStore store, Predicate<LeadId> createdInBatch) {
        this.store = store;
        this.createdInBatch = createdInBatch;
    }

    @Override
    public void mark(TenantId tenant, RecordPair pair) {
        store.mark(tenant, pair);
    }

    @Override
    public boolean unmark(TenantId tenant, RecordPair pair) {
        return store.unmark(tenant, pair);
    }

    @Override
    public Set<RecordPair> all(TenantId tenant) {
        return store.all(tenant);
    }

    @Override
    public Set<RecordRef> markedWith(TenantId tenant, RecordRef record) {
        return record instanceof LeadId lead && createdInBatch.test(lead) ? Set.of() : store.markedWith(tenant, record);
    }

    @Override
    public List<RecordPair> page(TenantId tenant, Optional<RecordPair> after, int limit) {
        return store.page(tenant, after, limit);
    }
}
