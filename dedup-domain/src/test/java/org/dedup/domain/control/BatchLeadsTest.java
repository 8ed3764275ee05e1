package org.dedup.domain.control;

import static org.dedup.domain.testing.LeadBuilder.T0;
import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.PipelineStage;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.SearchScope;
import org.dedup.domain.store.StaleRecordException;
import org.dedup.domain.testing.InMemoryLeadRepository;
import org.dedup.domain.testing.SharedFieldMatcher;
import org.junit.jupiter.api.Test;

/** A batch's view of the leads: what it read up front with its own writes on top, none of them stored until flushed. */
class BatchLeadsTest {
    private static final MatchKey JANE = new MatchKey("primary_email", "jane@x.io");
    private static final MatchKey JOE = new MatchKey("primary_email", "joe@x.io");
    private static final int LIMIT = 10;
    private final InMemoryLeadRepository store = new InMemoryLeadRepository();
    private final Lead stored = aLead().withEmail("jane@x.io").build();
    private final Lead other = aLead().withEmail("joe@x.io").build();

    BatchLeadsTest() {
        store.insert(stored, Set.of(JANE));
        store.insert(other, Set.of(JOE));
    }

    private BatchLeads batch(SearchScope scope) {
        return BatchLeads.read(store, TENANT, scope, List.of(lookup(JANE), lookup(JOE)), LIMIT);
    }

    private static CandidateSearch.KeyLookup lookup(MatchKey key) {
        return new CandidateSearch.KeyLookup(SharedFieldMatcher.email(), Set.of(key), LIMIT);
    }

    private static List<LeadId> inStoreOrder(Lead... leads) {
        return java.util.Arrays.stream(leads).map(Lead::id).sorted(LeadId.STORE_ORDER).toList();
    }

    @Test
    void aLookupSeesTheLeadsTheBatchCreatedChangedAndDeletedInTheStoresOrder() {
        BatchLeads leads = batch(SearchScope.everything());
        Lead created = aLead().withEmail("jane@x.io").build();
        leads.insert(created, Set.of(JANE));
        assertEquals(List.of(inStoreOrder(stored, created)), leads.findByKeySets(TENANT, List.of(Set.of(JANE)),
                SearchScope.everything(), LIMIT));

        leads.update(stored.touched(T0), Set.of(JOE));
        leads.delete(TENANT, other.id(), other.version());

        assertEquals(List.of(List.of(created.id()), List.of(stored.id())), leads.findByKeySets(TENANT,
                List.of(Set.of(JANE), Set.of(JOE)), SearchScope.everything(), LIMIT));
        assertEquals(List.of(stored.touched(T0), created), leads.findAll(TENANT, List.of(stored.id(), other.id(),
                created.id())));
    }

    @Test
    void aLeadTheBatchMovedOutOfTheScopeIsNoLongerFound() {
        SearchScope sales = new SearchScope(Map.of(stored.stage().pipeline(), Set.of()));
        BatchLeads leads = batch(sales);

        leads.update(stored.withStage(PipelineStage.of("support", "new")).touched(T0), Set.of(JANE));

        assertEquals(List.of(List.of()), leads.findByKeySets(TENANT, List.of(Set.of(JANE)), sales, LIMIT));
    }

    @Test
    void nothingReachesTheStoreUntilTheBatchFlushesAndThenEverythingInOrder() {
        BatchLeads leads = batch(SearchScope.everything());
        Lead created = aLead().withEmail("new@x.io").build();
        leads.insert(created, Set.of());
        Lead merged = created.touched(T0.plus(Duration.ofMinutes(1)));
        leads.update(merged, Set.of(JOE));
        leads.delete(TENANT, other.id(), other.version());
        assertEquals(2, store.count(TENANT));
        assertEquals(2, leads.count(TENANT));

        leads.flush();

        assertEquals(List.of(stored, merged), store.findAll(TENANT, List.of(stored.id(), other.id(), created.id())));
        assertEquals(List.of(created.id()), store.findByKeys(TENANT, List.of(JOE), SearchScope.everything(), LIMIT));
    }

    @Test
    void countAndForEachSeeTheBatchsWrites() {
        BatchLeads leads = batch(SearchScope.everything());
        Lead created = aLead().build();
        leads.insert(created, Set.of());
        leads.update(stored.touched(T0), Set.of(JANE));

        List<Lead> seen = new ArrayList<>();
        leads.forEach(TENANT, seen::add);

        assertEquals(3, leads.count(TENANT));
        assertEquals(Set.of(other, stored.touched(T0), created), Set.copyOf(seen));
    }

    @Test
    void aWriteFromAStaleVersionIsRefusedAtOnce() {
        BatchLeads leads = batch(SearchScope.everything());
        leads.update(stored.touched(T0), Set.of(JANE));

        assertThrows(StaleRecordException.class, () -> leads.update(stored.touched(T0), Set.of(JANE)));
        assertThrows(StaleRecordException.class, () -> leads.delete(TENANT, stored.id(), stored.version()));
    }

    @Test
    void anotherTenantIsNeverAnswered() {
        BatchLeads leads = batch(SearchScope.everything());
        TenantId globex = new TenantId("globex");

        assertThrows(IllegalArgumentException.class, () -> leads.findAll(globex, List.of(stored.id())));
        assertThrows(IllegalArgumentException.class, () -> leads.findByKeySets(globex, List.of(Set.of(JANE)),
                SearchScope.everything(), LIMIT));
        assertThrows(IllegalArgumentException.class, () -> leads.insert(aLead().in(globex).build(), Set.of()));
    }
}
