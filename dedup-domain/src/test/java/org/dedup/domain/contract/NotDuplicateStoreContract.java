package org.dedup.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.UUID;

import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.LeadId;
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
}
