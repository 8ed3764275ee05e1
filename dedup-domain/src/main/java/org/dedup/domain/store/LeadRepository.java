package org.dedup.domain.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.SearchScope;

/**
 * Port: leads with their contacts and companies, and the index of match keys they are found by. Every method is
 * confined to one tenant: a lead of another tenant is never returned, changed or matched.
 */
public interface LeadRepository {

    /** Stores a lead that does not exist yet, as it is (version included), indexed under {@code keys}. */
    void insert(Lead lead, Set<MatchKey> keys);

    /**
     * Stores a changed lead whose {@code version} is one more than the stored one, replacing its keys.
     *
     * @throws StaleRecordException when the stored version is not {@code lead.version() - 1}
     */
    void update(Lead lead, Set<MatchKey> keys);

    /** Several {@link #insert}s, as few round trips as the store allows; all the leads are of one tenant. */
    default void insertAll(List<IndexedLead> leads) {
        leads.forEach(indexed -> insert(indexed.lead(), indexed.keys()));
    }

    /**
     * Several {@link #update}s in their order (a lead may be updated more than once), as few round trips as the store
     * allows; all the leads are of one tenant.
     *
     * @throws StaleRecordException when a stored version is not the one its update expects
     */
    default void updateAll(List<IndexedLead> leads) {
        leads.forEach(indexed -> update(indexed.lead(), indexed.keys()));
    }

    /** A lead with the keys it is indexed under. */
    record IndexedLead(Lead lead, Set<MatchKey> keys) {
        public IndexedLead {
            Require.nonNull(lead, "lead");
            keys = Require.copy(keys, "keys");
        }
    }

    /**
     * Deletes a lead with its keys and contact links.
     *
     * @throws StaleRecordException when the stored version is not {@code expectedVersion}
     */
    void delete(TenantId tenant, LeadId id, long expectedVersion);

    Optional<Lead> find(TenantId tenant, LeadId id);

    /** The leads that exist among {@code ids}, loaded in a bounded number of queries (no query per lead). */
    List<Lead> findAll(TenantId tenant, Collection<LeadId> ids);

    /** Ids of leads in {@code scope} indexed under any of {@code keys}, at most {@code limit}, by one indexed lookup. */
    default List<LeadId> findByKeys(TenantId tenant, Collection<MatchKey> keys, SearchScope scope, int limit) {
        return findByKeySets(tenant, List.of(keys), scope, limit).getFirst();
    }

    /**
     * Several {@link #findByKeys} lookups in one round trip: the i-th list holds what {@code findByKeys} answers for
     * the i-th key set: its first {@code limit} ids in {@link LeadId#STORE_ORDER}.
     */
    List<List<LeadId>> findByKeySets(TenantId tenant, List<? extends Collection<MatchKey>> keySets, SearchScope scope,
                                     int limit);

    /**
     * How many stored leads in {@code scope} have each of {@code keys}, each counted up to {@code atMost}, in one
     * round trip where the store allows.
     */
    default Map<MatchKey, Integer> countByKeys(TenantId tenant, Collection<MatchKey> keys, SearchScope scope,
                                               int atMost) {
        List<MatchKey> ordered = List.copyOf(keys);
        List<List<LeadId>> found = findByKeySets(tenant, ordered.stream().map(List::of).toList(), scope, atMost);
        Map<MatchKey, Integer> counts = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            counts.put(ordered.get(i), found.get(i).size());
        }
        return counts;
    }

    /**
     * Ids of the leads that link any of {@code contacts}, at most {@code limit}, in {@link LeadId#STORE_ORDER}.
     * Database adapters answer by one indexed lookup; this default reads every lead of the tenant.
     */
    default List<LeadId> linking(TenantId tenant, Collection<ContactId> contacts, int limit) {
        List<LeadId> found = new ArrayList<>();
        forEach(tenant, lead -> {
            if (lead.contacts().stream().anyMatch(link -> contacts.contains(link.contact().id()))) {
                found.add(lead.id());
            }
        });
        return found.stream().sorted(LeadId.STORE_ORDER).limit(limit).toList();
    }

    /** The first {@code limit} leads of the tenant in {@link LeadId#STORE_ORDER}: a keyset pagination's first page. */
    List<Lead> firstPage(TenantId tenant, int limit);

    /**
     * The {@code limit} leads of the tenant that follow {@code after} in {@link LeadId#STORE_ORDER} (whether or not
     * that lead still exists): the next page, read by one range of the primary key however far the pages have gone.
     */
    List<Lead> pageAfter(TenantId tenant, LeadId after, int limit);

    /**
     * Adds {@code keys} to the stored leads of the tenant, each only while the stored lead is still at the version
     * given (a lead changed or deleted since is left as its writer indexed it); keys a lead has already are kept once.
     * Inside a transaction the leads stay locked until it ends. Repeating it changes nothing.
     */
    void addKeys(TenantId tenant, List<IndexedLead> leads);

    /** Every lead of the tenant, streamed in pages so a million leads never sit in memory at once. */
    void forEach(TenantId tenant, Consumer<Lead> action);

    long count(TenantId tenant);

    /**
     * The keys shared by more than {@code moreThan} stored leads of the tenant, most shared first (then by namespace
     * and value), at most {@code limit}: the generic values, for an administrator. Reads the tenant's whole key index.
     */
    List<SharedKey> mostSharedKeys(TenantId tenant, int moreThan, int limit);
}
