package org.dedup.domain.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.DuplicateGroup;
import org.dedup.domain.search.DuplicateGroupStore;
import org.dedup.domain.search.GroupSource;
import org.dedup.domain.search.NotDuplicateStore;
import org.dedup.domain.search.RecordPair;

/** "Not a duplicate" marks and the latest duplicate groups, in memory. */
public final class InMemorySearchStores implements NotDuplicateStore, DuplicateGroupStore {
    private final Map<TenantId, NavigableSet<RecordPair>> marks = new HashMap<>();
    private final Map<TenantId, List<DuplicateGroup>> groups = new HashMap<>();

    @Override
    public synchronized void mark(TenantId tenant, RecordPair pair) {
        marks.computeIfAbsent(tenant, t -> new TreeSet<>()).add(pair);
    }

    @Override
    public synchronized boolean unmark(TenantId tenant, RecordPair pair) {
        return marks.getOrDefault(tenant, new TreeSet<>()).remove(pair);
    }

    @Override
    public synchronized Set<RecordRef> markedWith(TenantId tenant, RecordRef record) {
        return marks.getOrDefault(tenant, new TreeSet<>()).stream().filter(pair -> pair.contains(record))
                .map(pair -> pair.other(record)).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public synchronized List<RecordPair> page(TenantId tenant, Optional<RecordPair> after, int limit) {
        NavigableSet<RecordPair> all = marks.getOrDefault(tenant, new TreeSet<>());
        return after.map(pair -> all.tailSet(pair, false)).orElse(all).stream().limit(limit).toList();
    }

    @Override
    public synchronized Set<RecordPair> all(TenantId tenant) {
        return Set.copyOf(marks.getOrDefault(tenant, new TreeSet<>()));
    }

    @Override
    public synchronized List<DuplicateGroup> groups(TenantId tenant) {
        return groups.getOrDefault(tenant, List.of());
    }

    @Override
    public void replace(TenantId tenant, GroupSource source) {
        List<DuplicateGroup> newGroups = new ArrayList<>();
        source.forEach(newGroups::add);
        if (newGroups.stream().map(DuplicateGroup::id).distinct().count() < newGroups.size()) {
            throw new IllegalArgumentException("a group id is given twice");
        }
        synchronized (this) {
            groups.put(tenant, List.copyOf(newGroups));
        }
    }
}
