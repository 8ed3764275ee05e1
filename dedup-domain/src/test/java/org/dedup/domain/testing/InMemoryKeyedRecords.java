package org.dedup.domain.testing;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;

/** Records indexed by match keys, per tenant: what the contact and company fakes share. */
class InMemoryKeyedRecords<I extends RecordRef, R> {
    private record Stored<R>(R record, Set<MatchKey> keys) {
    }

    private final Map<TenantId, Map<I, Stored<R>>> records = new HashMap<>();

    synchronized void save(TenantId tenant, I id, R record, Set<MatchKey> keys) {
        tenant(tenant).put(id, new Stored<>(record, Set.copyOf(keys)));
    }

    synchronized void delete(TenantId tenant, I id) {
        tenant(tenant).remove(id);
    }

    synchronized Optional<R> find(TenantId tenant, I id) {
        return Optional.ofNullable(tenant(tenant).get(id)).map(Stored::record);
    }

    synchronized List<R> findAll(TenantId tenant, Collection<I> ids) {
        return new LinkedHashSet<>(ids).stream().map(tenant(tenant)::get).filter(s -> s != null)
                .map(Stored::record).toList();
    }

    synchronized List<I> findByKeys(TenantId tenant, Collection<MatchKey> keys, int limit) {
        Set<MatchKey> wanted = Set.copyOf(keys);
        return tenant(tenant).entrySet().stream().filter(e -> e.getValue().keys().stream().anyMatch(wanted::contains))
                .map(Map.Entry::getKey).sorted(Comparator.comparing(RecordRef::value)).limit(limit).toList();
    }

    synchronized void forEach(TenantId tenant, Consumer<R> action) {
        List.copyOf(tenant(tenant).values()).forEach(s -> action.accept(s.record()));
    }

    private Map<I, Stored<R>> tenant(TenantId tenant) {
        return records.computeIfAbsent(tenant, t -> new LinkedHashMap<>());
    }
}
