package org.dedup.domain.testing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.DuplicateGroup;
import org.dedup.domain.search.DuplicateGroupStore;
import org.dedup.domain.search.NotDuplicateStore;
import org.dedup.domain.search.RecordPair;

/** "Not a duplicate" marks and the latest duplicate groups, in memory. */
public final class InMemorySearchStores implements NotDuplicateStore, DuplicateGroupStore {
    private final Map<TenantId, Set<RecordPair>> marks = new HashMap<>();
    private final Map<TenantId, List<DuplicateGroup>> groups = new HashMap<>();

    @Override
    public synchronized void mark(TenantId tenant, RecordPair pair) {
        marks.computeIfAbsent(tenant, t -> new HashSet<>()).add(pair);
    }

    @Override
    public synchronized Set<RecordPair> all(TenantId tenant) {
        return Set.copyOf(marks.getOrDefault(tenant, Set.of()));
    }

    @Override
    public synchronized List<DuplicateGroup> groups(TenantId tenant) {
        return groups.getOrDefault(tenant, List.of());
    }

    @Override
    public synchronized void replace(TenantId tenant, List<DuplicateGroup> newGroups) {
        groups.put(tenant, List.copyOf(newGroups));
    }
}
