package org.dedup.domain.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.dedup.domain.match.InstalledMatchers;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.PipelineStage;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.settings.SearchScope;
import org.dedup.domain.standardize.StandardizationOptions;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SharedKey;

/**
 * The stored leads as a settings dry run looks them up: by their stored keys, and by the keys of the methods whose
 * stored keys do not cover every lead yet (not enabled now, or still being indexed), which this computes over the
 * tenant's leads in memory, once per run. Reads only: every write is refused.
 */
final class DryRunKeys implements LeadRepository {
    private final LeadRepository store;
    private final TenantId tenant;
    private final Map<MatchKey, List<Indexed>> computed;

    private record Indexed(LeadId lead, PipelineStage stage) {
    }

    private DryRunKeys(LeadRepository store, TenantId tenant, Map<MatchKey, List<Indexed>> computed) {
        this.store = store;
        this.tenant = tenant;
        this.computed = computed;
    }

    /** {@code store}'s leads of {@code tenant}, also found by the keys of {@code methods}, computed now. */
    static DryRunKeys over(LeadRepository store, TenantId tenant, Set<MatchMethod> methods,
                           InstalledMatchers matchers, StandardizationOptions options) {
        Map<MatchKey, List<Indexed>> computed = new HashMap<>();
        store.forEach(tenant, lead -> {
            var profile = matchers.profile(lead, options);
            for (MatchMethod method : methods) {
                // a matcher that fails here fails again in the run's own check of the lead, which reports it
                matchers.methodKeys(method, profile, new ArrayList<>()).forEach(key -> computed
                        .computeIfAbsent(key, k -> new ArrayList<>()).add(new Indexed(lead.id(), lead.stage())));
            }
        });
        return new DryRunKeys(store, tenant, computed);
    }

    @Override
    public List<List<LeadId>> findByKeySets(TenantId tenant, List<? extends Collection<MatchKey>> keySets,
                                            SearchScope scope, int limit) {
        ownTenant(tenant);
        List<List<LeadId>> stored = store.findByKeySets(tenant, keySets, scope, limit);
        List<List<LeadId>> found = new ArrayList<>();
        for (int i = 0; i < keySets.size(); i++) {
            Set<LeadId> ids = new TreeSet<>(LeadId.STORE_ORDER);
            ids.addAll(stored.get(i));
            keySets.get(i).forEach(key -> computed.getOrDefault(key, List.of()).stream()
                    .filter(indexed -> scope.includes(indexed.stage())).forEach(indexed -> ids.add(indexed.lead())));
            found.add(ids.stream().limit(limit).toList());
        }
        return found;
    }

    /** Counted from the lookups above, so that the computed keys count too. */
    @Override
    public Map<MatchKey, Integer> countByKeys(TenantId tenant, Collection<MatchKey> keys, SearchScope scope,
                                              int atMost) {
        return LeadRepository.super.countByKeys(tenant, keys, scope, atMost);
    }

    @Override
    public List<Lead> findAll(TenantId tenant, Collection<LeadId> ids) {
        ownTenant(tenant);
        return store.findAll(tenant, ids);
    }

    @Override
    public Optional<Lead> find(TenantId tenant, LeadId id) {
        ownTenant(tenant);
        return store.find(tenant, id);
    }

    @Override
    public void forEach(TenantId tenant, Consumer<Lead> action) {
        ownTenant(tenant);
        store.forEach(tenant, action);
    }

    @Override
    public long count(TenantId tenant) {
        ownTenant(tenant);
        return store.count(tenant);
    }

    @Override
    public List<Lead> firstPage(TenantId tenant, int limit) {
        ownTenant(tenant);
        return store.firstPage(tenant, limit);
    }

    @Override
    public List<Lead> pageAfter(TenantId tenant, LeadId after, int limit) {
        ownTenant(tenant);
        return store.pageAfter(tenant, after, limit);
    }

    @Override
    public List<SharedKey> mostSharedKeys(TenantId tenant, int moreThan, int limit) {
        ownTenant(tenant);
        return store.mostSharedKeys(tenant, moreThan, limit);
    }

    @Override
    public void insert(Lead lead, Set<MatchKey> keys) {
        throw readOnly();
    }

    @Override
    public void update(Lead lead, Set<MatchKey> keys) {
        throw readOnly();
    }

    @Override
    public void delete(TenantId tenant, LeadId id, long expectedVersion) {
        throw readOnly();
    }

    @Override
    public void addKeys(TenantId tenant, List<IndexedLead> leads) {
        throw readOnly();
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("a settings dry run writes nothing");
    }

    private void ownTenant(TenantId asked) {
        if (!asked.equals(tenant)) {
            throw new IllegalArgumentException("this dry run reads tenant " + tenant + ", not " + asked);
        }
    }
}
