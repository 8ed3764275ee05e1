package org.dedup.domain.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.SearchScope;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SharedKey;
import org.dedup.domain.store.StaleRecordException;

/** A LeadRepository in memory, with the same tenant, version and key semantics as the database adapters. */
public final class InMemoryLeadRepository implements LeadRepository {
    private final Map<TenantId, Map<LeadId, Stored>> leads = new HashMap<>();

    private record Stored(Lead lead, Set<MatchKey> keys) {
    }

    @Override
    public synchronized void insert(Lead lead, Set<MatchKey> keys) {
        Map<LeadId, Stored> tenantLeads = leads.computeIfAbsent(lead.tenant(), t -> new HashMap<>());
        if (tenantLeads.containsKey(lead.id())) {
            throw new InvalidRecordException(lead.id() + " already exists in tenant " + lead.tenant());
        }
        tenantLeads.put(lead.id(), new Stored(lead, Set.copyOf(keys)));
    }

    @Override
    public synchronized void update(Lead lead, Set<MatchKey> keys) {
        Stored stored = tenant(lead.tenant()).get(lead.id());
        if (stored == null || stored.lead().version() != lead.version() - 1) {
            throw new StaleRecordException(lead.tenant(), lead.id(), lead.version() - 1);
        }
        tenant(lead.tenant()).put(lead.id(), new Stored(lead, Set.copyOf(keys)));
    }

    @Override
    public synchronized void delete(TenantId tenant, LeadId id, long expectedVersion) {
        Stored stored = tenant(tenant).get(id);
        if (stored == null || stored.lead().version() != expectedVersion) {
            throw new StaleRecordException(tenant, id, expectedVersion);
        }
        tenant(tenant).remove(id);
    }

    @Override
    public synchronized Optional<Lead> find(TenantId tenant, LeadId id) {
        return Optional.ofNullable(tenant(tenant).get(id)).map(Stored::lead);
    }

    @Override
    public synchronized List<Lead> findAll(TenantId tenant, Collection<LeadId> ids) {
        return new LinkedHashSet<>(ids).stream().map(id -> tenant(tenant).get(id)).filter(s -> s != null)
                .map(Stored::lead).toList();
    }

    @Override
    public synchronized List<List<LeadId>> findByKeySets(TenantId tenant, List<? extends Collection<MatchKey>> keySets,
                                                         SearchScope scope, int limit) {
        return keySets.stream().map(keys -> {
            Set<MatchKey> wanted = Set.copyOf(keys);
            return tenant(tenant).values().stream()
                    .filter(s -> scope.includes(s.lead().stage()))
                    .filter(s -> s.keys().stream().anyMatch(wanted::contains))
                    .map(s -> s.lead().id())
                    .sorted(LeadId.STORE_ORDER)
                    .limit(limit)
                    .toList();
        }).toList();
    }

    @Override
    public synchronized void forEach(TenantId tenant, Consumer<Lead> action) {
        new ArrayList<>(tenant(tenant).values()).stream().map(Stored::lead)
                .sorted(Comparator.comparing(Lead::createdAt).thenComparing(l -> l.id().value()))
                .forEach(action);
    }

    @Override
    public synchronized List<Lead> firstPage(TenantId tenant, int limit) {
        return tenant(tenant).values().stream().map(Stored::lead).sorted(Comparator.comparing(Lead::id,
                LeadId.STORE_ORDER)).limit(limit).toList();
    }

    @Override
    public synchronized List<Lead> pageAfter(TenantId tenant, LeadId after, int limit) {
        return tenant(tenant).values().stream().map(Stored::lead)
                .filter(lead -> LeadId.STORE_ORDER.compare(lead.id(), after) > 0)
                .sorted(Comparator.comparing(Lead::id, LeadId.STORE_ORDER)).limit(limit).toList();
    }

    @Override
    public synchronized void addKeys(TenantId tenant, List<IndexedLead> indexed) {
        for (IndexedLead one : indexed) {
            if (!one.lead().tenant().equals(tenant)) {
                throw new IllegalArgumentException("keys added together are of one tenant, here " + tenant);
            }
            Stored stored = tenant(tenant).get(one.lead().id());
            if (stored != null && stored.lead().version() == one.lead().version()) {
                Set<MatchKey> keys = new HashSet<>(stored.keys());
                keys.addAll(one.keys());
                tenant(tenant).put(one.lead().id(), new Stored(stored.lead(), Set.copyOf(keys)));
            }
        }
    }

    @Override
    public synchronized long count(TenantId tenant) {
        return tenant(tenant).size();
    }

    @Override
    public synchronized List<SharedKey> mostSharedKeys(TenantId tenant, int moreThan, int limit) {
        Map<MatchKey, Integer> leadsByKey = new HashMap<>();
        tenant(tenant).values().forEach(s -> s.keys().forEach(key -> leadsByKey.merge(key, 1, Integer::sum)));
        return leadsByKey.entrySet().stream().filter(e -> e.getValue() > moreThan)
                .map(e -> new SharedKey(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(SharedKey::leads).reversed()
                        .thenComparing(s -> s.key().namespace()).thenComparing(s -> s.key().value()))
                .limit(limit).toList();
    }

    /** The keys a lead is indexed under, for assertions. */
    public synchronized Set<MatchKey> keysOf(TenantId tenant, LeadId id) {
        Stored stored = tenant(tenant).get(id);
        return stored == null ? Set.of() : stored.keys();
    }

    private Map<LeadId, Stored> tenant(TenantId tenant) {
        return leads.computeIfAbsent(tenant, t -> new HashMap<>());
    }
}
