package org.dedup.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.DuplicateGroup;
import org.dedup.domain.search.DuplicateGroupStore;
import org.junit.jupiter.api.Test;

/** What every {@link DuplicateGroupStore} adapter does. */
public abstract class DuplicateGroupStoreContract {

    protected abstract DuplicateGroupStore groups();

    private static TenantId aTenant() {
        return new TenantId("groups-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static DuplicateGroup aGroup(String... rules) {
        return new DuplicateGroup(UUID.randomUUID(), List.of(LeadId.random(), ContactId.random(), CompanyId.random()),
                List.of(rules));
    }

    @Test
    void noGroupsUntilASearchStoredSome() {
        assertTrue(groups().groups(aTenant()).isEmpty());
    }

    @Test
    void groupsComeBackWithTheirMembersAndRulesInTheOrderStored() {
        TenantId tenant = aTenant();
        List<DuplicateGroup> found = List.of(aGroup("Same email"), aGroup("Same phone", "Same name"), aGroup());
        groups().replace(tenant, found);
        assertEquals(found, groups().groups(tenant));
    }

    @Test
    void aNewSearchReplacesTheGroupsOfItsTenantOnly() {
        TenantId tenant = aTenant();
        TenantId other = aTenant();
        List<DuplicateGroup> theirs = List.of(aGroup("Same email"));
        groups().replace(other, theirs);
        groups().replace(tenant, List.of(aGroup("Same email")));
        List<DuplicateGroup> latest = List.of(aGroup("Same phone"));
        groups().replace(tenant, latest);

        assertEquals(latest, groups().groups(tenant));
        assertEquals(theirs, groups().groups(other));
    }
}
