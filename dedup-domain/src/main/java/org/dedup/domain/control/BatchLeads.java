package org.dedup.domain.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.SearchScope;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SharedKey;
import org.dedup.domain.store.StaleRecordException;

/**
 * The leads a batch of arrivals of one tenant decides on: the candidates its key sets found, read from the store up
 * front in two round trips, with the batch's own writes on top. Each arrival thus sees the leads the arrivals before
 * it created or changed, as it would have had they been decided one by one; the writes reach the store together
 * when the batch {@linkplain #flush() flushes}. A lead read by id that the batch did not read up front comes from the
 * store; a key lookup it did not make up front is refused, as its keys were not locked.
 */
final class BatchLeads implements LeadRepository {
    private final LeadRepository store;
    private final TenantId tenant;
    private final SearchScope scope;
    private final Map<Collection<MatchKey>, List<LeadId>> lookedUp = new HashMap<>();
    private final Map<LeadId, Lead> read = new HashMap<>();
    /** The leads the batch wrote, as they are now; a deleted one maps to empty. */
    private final Map<LeadId, Optional<IndexedLead>> written = new LinkedHashMap<>();
    private final List<IndexedLead> inserts = new ArrayList<>();
    private final List<IndexedLead> updates = new ArrayList<>();
    private final List<Lead> deletes = new ArrayList<>();

    private BatchLeads(LeadRepository store, TenantId tenant, SearchScope scope) {
        this.store = store;
        this.tenant = tenant;
        this.scope = scope;
    }

    /**
     * The leads in {@code scope} found under the key set of each of {@code lookups} (at most {@code limit} each), read
     * up front; those of a set that found more than its lookup's largest block only looked up (the search skips them).
     */
    static BatchLeads read(LeadRepository store, TenantId tenant, SearchScope scope,
                           List<CandidateSearch.KeyLookup> lookups, int limit) {
        BatchLeads leads = new BatchLeads(store, tenant, scope);
        leads.lookUp(lookups, limit);
        return leads;
    }

    private void lookUp(List<CandidateSearch.KeyLookup> lookups, int limit) {
        Map<Set<MatchKey>, Integer> maxBlocks = new LinkedHashMap<>();
        lookups.forEach(lookup -> maxBlocks.merge(lookup.keys(), lookup.maxBlock(), Math::max));
        List<Set<MatchKey>> distinct = List.copyOf(maxBlocks.keySet());
        List<List<LeadId>> found = store.findByKeySets(tenant, distinct, scope, limit);
        Set<LeadId> ids = new LinkedHashSet<>();
        for (int i = 0; i < distinct.size(); i++) {
            lookedUp.put(distinct.get(i), found.get(i));
            if (found.get(i).size() <= maxBlocks.get(distinct.get(i))) {
                ids.addAll(found.get(i));
            }
        }
        store.findAll(tenant, ids).forEach(lead -> read.put(lead.id(), lead));
    }

    @Override
    public void insert(Lead lead, Set<MatchKey> keys) {
        ownTenant(lead.tenant());
        IndexedLead indexed = new IndexedLead(lead, keys);
        inserts.add(indexed);
        written.put(lead.id(), Optional.of(indexed));
    }

    /** Whether the batch inserted the lead: it exists only in this transaction. */
    boolean created(LeadId id) {
        return inserts.stream().anyMatch(indexed -> indexed.lead().id().equals(id));
    }

    @Override
    public void update(Lead lead, Set<MatchKey> keys) {
        ownTenant(lead.tenant());
        current(lead.id(), lead.version() - 1);
        IndexedLead indexed = new IndexedLead(lead, keys);
        updates.add(indexed);
        written.put(lead.id(), Optional.of(indexed));
    }

    @Override
    public void delete(TenantId tenant, LeadId id, long expectedVersion) {
        ownTenant(tenant);
        deletes.add(current(id, expectedVersion));
        written.put(id, Optional.empty());
    }

    /** The lead as the batch sees it now, provided it has {@code version}. */
    private Lead current(LeadId id, long version) {
        Optional<Lead> current = find(tenant, id);
        if (current.isEmpty() || current.get().version() != version) {
            throw new StaleRecordException(tenant, id, version);
        }
        return current.get();
    }

    @Override
    public Optional<Lead> find(TenantId tenant, LeadId id) {
        return findAll(tenant, List.of(id)).stream().findFirst();
    }

    @Override
    public List<Lead> findAll(TenantId tenant, Collection<LeadId> ids) {
        ownTenant(tenant);
        List<LeadId> unread = ids.stream().filter(id -> !written.containsKey(id) && !read.containsKey(id)).toList();
        if (!unread.isEmpty()) {
            store.findAll(tenant, unread).forEach(lead -> read.put(lead.id(), lead));
        }
        return ids.stream().distinct().map(this::seen).filter(Objects::nonNull).toList();
    }

    /** The lead as the batch sees it, or null when it does not exist (anymore). */
    private Lead seen(LeadId id) {
        Optional<IndexedLead> own = written.get(id);
        if (own != null) {
            return own.map(IndexedLead::lead).orElse(null);
        }
        return read.get(id);
    }

    /**
     * What the store finds under each key set, less the leads the batch changed since, plus the leads the batch wrote
     * that are in scope and hold one of the keys now.
     */
    @Override
    public List<List<LeadId>> findByKeySets(TenantId tenant, List<? extends Collection<MatchKey>> keySets,
                                            SearchScope scope, int limit) {
        ownTenant(tenant);
        if (!scope.equals(this.scope)) {
            throw new IllegalArgumentException("this batch looked up leads in " + this.scope + ", not in " + scope);
        }
        keySets.stream().filter(keys -> !lookedUp.containsKey(keys)).findAny().ifPresent(keys -> {
            // a lookup the batch did not make up front would be under keys it has not locked
            throw new IllegalStateException("keys " + keys + " were not looked up when the batch began");
        });
        return keySets.stream().map(keys -> found(keys, limit)).toList();
    }

    /** What the store holds: stored leads are counted, not the batch's own (keys already locked by the batch). */
    @Override
    public Map<MatchKey, Integer> countByKeys(TenantId tenant, Collection<MatchKey> keys, SearchScope scope,
                                              int atMost) {
        ownTenant(tenant);
        return store.countByKeys(tenant, keys, scope, atMost);
    }

    /** In the store's order, so that the same candidates are kept at the limit and ties are broken alike. */
    private List<LeadId> found(Collection<MatchKey> keys, int limit) {
        Set<LeadId> found = new TreeSet<>(LeadId.STORE_ORDER);
        lookedUp.get(keys).stream().filter(id -> !written.containsKey(id)).forEach(found::add);
        written.values().stream().flatMap(Optional::stream)
                .filter(own -> scope.includes(own.lead().stage()) && !Collections.disjoint(own.keys(), keys))
                .forEach(own -> found.add(own.lead().id()));
        return found.stream().limit(limit).toList();
    }

    @Override
    public void forEach(TenantId tenant, Consumer<Lead> action) {
        ownTenant(tenant);
        store.forEach(tenant, lead -> {
            if (!written.containsKey(lead.id())) {
                action.accept(lead);
            }
        });
        written.values().stream().flatMap(Optional::stream).map(IndexedLead::lead).forEach(action);
    }

    @Override
    public long count(TenantId tenant) {
        ownTenant(tenant);
        long created = inserts.stream().filter(own -> written.get(own.lead().id()).isPresent()).count();
        long removed = deletes.stream().filter(lead -> inserts.stream().noneMatch(own -> own.lead().id()
                .equals(lead.id()))).count();
        return store.count(tenant) + created - removed;
    }

    /** A batch of arrivals reads no pages: the reindex reads the store itself. */
    @Override
    public List<Lead> firstPage(TenantId tenant, int limit) {
        throw new UnsupportedOperationException("a batch of arrivals reads no pages of leads");
    }

    @Override
    public List<Lead> pageAfter(TenantId tenant, LeadId after, int limit) {
        throw new UnsupportedOperationException("a batch of arrivals reads no pages of leads");
    }

    /** A batch of arrivals writes each lead's keys whole: the reindex adds keys to the store itself. */
    @Override
    public void addKeys(TenantId tenant, List<IndexedLead> leads) {
        throw new UnsupportedOperationException("a batch of arrivals adds no keys to stored leads");
    }

    /** What the store holds; the batch's own writes are not counted. */
    @Override
    public List<SharedKey> mostSharedKeys(TenantId tenant, int moreThan, int limit) {
        ownTenant(tenant);
        return store.mostSharedKeys(tenant, moreThan, limit);
    }

    /**
     * Writes what the batch wrote to the store: new leads first (a lead the batch created and then merged into is
     * inserted, then updated), then the updates in their order, then the deletes.
     *
     * @throws StaleRecordException when a lead the batch read changed in the store since
     */
    void flush() {
        store.insertAll(inserts);
        store.updateAll(updates);
        deletes.forEach(lead -> store.delete(tenant, lead.id(), lead.version()));
    }

    private void ownTenant(TenantId asked) {
        if (!asked.equals(tenant)) {
            throw new IllegalArgumentException("a batch of tenant " + tenant + " was asked about tenant " + asked);
        }
    }
}
