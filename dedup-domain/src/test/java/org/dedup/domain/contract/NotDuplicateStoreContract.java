package org.dedup.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.NotDuplicateStore;
import org.dedup.domain.search.RecordPair;
import org.junit.jupiter.api.Test;

/** What every {@link NotDuplicateStore} adapter does. */
public abstract class NotDuplicateStoreContract {

    protected abstract NotDuplicateStore notDuplicates();

    private static TenantId aTenant() {
        return new TenantId("pairs-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void markedPairsAreKeptOnceWhicheverOrderTheyWereMarkedIn() {
        TenantId tenant = aTenant();
        LeadId lead = LeadId.random();
        ContactId contact = ContactId.random();
        CompanyId company = CompanyId.random();
        notDuplicates().mark(tenant, new RecordPair(lead, contact));
        notDuplicates().mark(tenant, new RecordPair(contact, lead));
        notDuplicates().mark(tenant, new RecordPair(company, lead));

        assertEquals(Set.of(new RecordPair(lead, contact), new RecordPair(lead, company)),
                notDuplicates().all(tenant));
    }

    @Test
    void aTenantSeesOnlyItsOwnPairs() {
        TenantId tenant = aTenant();
        notDuplicates().mark(tenant, new RecordPair(LeadId.random(), LeadId.random()));
        assertTrue(notDuplicates().all(aTenant()).isEmpty());
    }

    @Test
    void anUnmarkedPairIsGoneAndUnmarkingItAgainSaysSo() {
        TenantId tenant = aTenant();
        LeadId lead = LeadId.random();
        ContactId contact = ContactId.random();
        RecordPair kept = new RecordPair(lead, LeadId.random());
        notDuplicates().mark(tenant, new RecordPair(lead, contact));
        notDuplicates().mark(tenant, kept);

        assertTrue(notDuplicates().unmark(tenant, new RecordPair(contact, lead)));
        assertFalse(notDuplicates().unmark(tenant, new RecordPair(contact, lead)));
        assertEquals(Set.of(kept), notDuplicates().all(tenant));
    }

    @Test
    void theRecordsMarkedWithARecordAreFoundOnEitherSideOfThePair() {
        TenantId tenant = aTenant();
        LeadId lead = LeadId.random();
        ContactId contact = ContactId.random();
        CompanyId company = CompanyId.random();
        notDuplicates().mark(tenant, new RecordPair(lead, contact));
        notDuplicates().mark(tenant, new RecordPair(contact, company));
        notDuplicates().mark(aTenant(), new RecordPair(contact, LeadId.random()));

        assertEquals(Set.<RecordRef>of(lead, company), notDuplicates().markedWith(tenant, contact));
        assertEquals(Set.<RecordRef>of(contact), notDuplicates().markedWith(tenant, lead));
        assertTrue(notDuplicates().markedWith(tenant, LeadId.random()).isEmpty());
    }

    @Test
    void pagesListEveryMarkedPairOnceAndEndEmpty() {
        TenantId tenant = aTenant();
        Set<RecordPair> marked = new java.util.HashSet<>();
        for (int i = 0; i < 7; i++) {
            RecordPair pair = new RecordPair(i % 2 == 0 ? LeadId.random() : CompanyId.random(), ContactId.random());
            notDuplicates().mark(tenant, pair);
            marked.add(pair);
        }
        notDuplicates().mark(aTenant(), new RecordPair(LeadId.random(), LeadId.random()));

        List<RecordPair> listed = new ArrayList<>();
        Optional<RecordPair> after = Optional.empty();
        for (int page = 0; page < 3; page++) {
            List<RecordPair> pairs = notDuplicates().page(tenant, after, 3);
            listed.addAll(pairs);
            after = Optional.of(pairs.getLast());
        }

        assertEquals(7, listed.size());
        assertEquals(marked, Set.copyOf(listed));
        assertTrue(notDuplicates().page(tenant, after, 3).isEmpty());
    }
}
