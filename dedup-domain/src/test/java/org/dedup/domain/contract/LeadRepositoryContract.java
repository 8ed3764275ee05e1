package org.dedup.domain.contract;

import static org.dedup.domain.testing.LeadBuilder.T0;
import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aContact;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactRole;
import org.dedup.domain.model.CustomFieldValue;
import org.dedup.domain.model.DedupException;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.PipelineStage;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.SearchScope;
import org.dedup.domain.store.LeadRepository.IndexedLead;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SharedKey;
import org.dedup.domain.store.StaleRecordException;
import org.junit.jupiter.api.Test;

/** What every {@link LeadRepository} adapter does; subclasses give empty or disjoint storage per test class. */
public abstract class LeadRepositoryContract {
    protected static final TenantId OTHER = new TenantId("globex");
    private static final MatchKey KEY_NOBODY_HAS = new MatchKey("x", "y");

    protected abstract LeadRepository leads();

    private static MatchKey email(String value) {
        return new MatchKey("primary_email", value);
    }

    private Lead storedLead(String address) {
        Lead lead = aLead().withEmail(address).withPhone("+44 20 7946 0958").withPixel("px")
                .withLeadField("budget", CustomFieldValue.number("12.50")).withCompany("Acme", "acme.com")
                .withSecondaryContact(aContact("Jane Roe", "jane@roe.io", "+1 212 555 0100")).build();
        leads().insert(lead, Set.of(email(address)));
        return lead;
    }

    @Test
    void aStoredLeadIsReadBackWithItsContactsCompaniesFieldsAndPixels() {
        Lead lead = storedLead("read@x.io");
        assertEquals(lead, leads().find(TENANT, lead.id()).orElseThrow());
        assertEquals(List.of(lead), leads().findAll(TENANT, List.of(lead.id(), LeadId.random())));
    }

    @Test
    void manyLeadsAreLoadedTogetherInTheOrderAsked() {
        List<Lead> stored = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            stored.add(storedLead("many" + i + "@x.io"));
        }
        List<Lead> reversed = stored.reversed();
        assertEquals(reversed, leads().findAll(TENANT, reversed.stream().map(Lead::id).toList()));
    }

    @Test
    void theLeadsLinkingAContactAreFoundInItsTenantOnly() {
        Contact jane = aContact("Jane", "jane@x.io", null);
        Contact kim = aContact("Kim", "kim@x.io", null);
        Lead primary = aLead().build().withContacts(List.of(new LinkedContact(jane, ContactRole.PRIMARY)));
        Lead secondary = aLead().withSecondaryContact(jane).withSecondaryContact(kim).build();
        Lead neither = aLead().withEmail("n@x.io").build();
        Lead foreign = aLead().in(OTHER).withSecondaryContact(jane).build();
        List.of(primary, secondary, neither, foreign).forEach(lead -> leads().insert(lead, Set.of()));

        assertEquals(Set.of(primary.id(), secondary.id()),
                Set.copyOf(leads().linking(TENANT, List.of(jane.id(), kim.id()), 10)));
        assertEquals(List.of(secondary.id()), leads().linking(TENANT, List.of(kim.id()), 10));
        assertEquals(1, leads().linking(TENANT, List.of(jane.id()), 1).size(), "at most the limit");
        assertEquals(List.of(foreign.id()), leads().linking(OTHER, List.of(jane.id()), 10));
    }

    @Test
    void aLeadIdCannotBeInsertedTwice() {
        Lead lead = storedLead("twice@x.io");
        assertThrows(DedupException.class, () -> leads().insert(lead, Set.of()));
    }

    @Test
    void leadsAreFoundByAnyOfTheirKeysWithinTheScope() {
        Lead sales = storedLead("key@x.io");
        Lead support = aLead().inStage(PipelineStage.of("support", "new")).build();
        leads().insert(support, Set.of(email("key@x.io")));

        assertEquals(Set.of(sales.id(), support.id()), Set.copyOf(leads().findByKeys(TENANT,
                List.of(email("key@x.io"), KEY_NOBODY_HAS), SearchScope.everything(), 10)));
        assertEquals(List.of(support.id()), leads().findByKeys(TENANT, List.of(email("key@x.io")),
                new SearchScope(Map.of("support", Set.of())), 10));
        assertEquals(List.of(sales.id()), leads().findByKeys(TENANT, List.of(email("key@x.io")),
                new SearchScope(Map.of("sales", Set.of("qualified"), "support", Set.of("won"))), 10));
        assertEquals(1, leads().findByKeys(TENANT, List.of(email("key@x.io")), SearchScope.everything(), 1).size());
    }

    @Test
    void severalKeySetsAreLookedUpAtOnceEachWithItsOwnLimit() {
        Lead first = storedLead("first@x.io");
        Lead both = aLead().build();
        leads().insert(both, Set.of(email("first@x.io"), email("second@x.io")));

        List<List<LeadId>> found = leads().findByKeySets(TENANT, List.of(List.of(email("first@x.io")),
                List.of(email("second@x.io")), List.of(), List.of(KEY_NOBODY_HAS)), SearchScope.everything(), 10);
        List<List<LeadId>> limited = leads().findByKeySets(TENANT, List.of(List.of(email("first@x.io")),
                List.of(email("second@x.io"))), SearchScope.everything(), 1);

        assertEquals(Set.of(first.id(), both.id()), Set.copyOf(found.get(0)));
        assertEquals(List.of(List.of(both.id()), List.of(), List.of()), found.subList(1, 4));
        assertEquals(1, limited.get(0).size());
        assertEquals(List.of(both.id()), limited.get(1));
    }

    @Test
    void aKeySetFindsALeadOfSeveralOfItsKeysOnceAndItsFirstLeadsInIdOrderUpToTheLimit() {
        List<Lead> stored = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Lead lead = aLead().build();
            leads().insert(lead, Set.of(email("set-a@x.io"), email("set-b@x.io")));
            stored.add(lead);
        }
        List<LeadId> inIdOrder = stored.stream().map(Lead::id).sorted(LeadId.STORE_ORDER).toList();

        List<List<LeadId>> found = leads().findByKeySets(TENANT, List.of(List.of(email("set-a@x.io"),
                email("set-b@x.io")), List.of(email("set-b@x.io"))), SearchScope.everything(), 3);

        assertEquals(List.of(inIdOrder.subList(0, 3), inIdOrder.subList(0, 3)), found);
    }

    @Test
    void theLeadsHavingEachKeyAreCountedUpToALimitInOneCall() {
        String shared = "count-" + UUID.randomUUID() + "@x.io";
        for (int i = 0; i < 4; i++) {
            leads().insert(aLead().build(), Set.of(email(shared)));
        }
        leads().insert(aLead().in(OTHER).build(), Set.of(email(shared)));
        String once = "once-" + UUID.randomUUID() + "@x.io";
        leads().insert(aLead().build(), Set.of(email(once)));

        assertEquals(Map.of(email(shared), 3, email(once), 1, KEY_NOBODY_HAS, 0), leads().countByKeys(TENANT,
                List.of(email(shared), email(once), KEY_NOBODY_HAS), SearchScope.everything(), 3));
        assertEquals(Map.of(email(shared), 4), leads().countByKeys(TENANT, List.of(email(shared)),
                SearchScope.everything(), 10));
    }

    @Test
    void theMostSharedKeysOfATenantComeMostSharedFirstAboveTheCount() {
        TenantId tenant = new TenantId("shared-" + UUID.randomUUID().toString().substring(0, 8));
        for (int i = 0; i < 4; i++) {
            leads().insert(aLead().in(tenant).build(), Set.of(email("info@acme.com"), email("p" + i + "@x.io")));
        }
        for (int i = 0; i < 3; i++) {
            leads().insert(aLead().in(tenant).build(), Set.of(email("sales@acme.com")));
        }
        leads().insert(aLead().in(OTHER).build(), Set.of(email("info@acme.com")));

        assertEquals(List.of(new SharedKey(email("info@acme.com"), 4), new SharedKey(email("sales@acme.com"), 3)),
                leads().mostSharedKeys(tenant, 2, 10));
        assertEquals(List.of(new SharedKey(email("info@acme.com"), 4)), leads().mostSharedKeys(tenant, 2, 1));
        assertEquals(List.of(), leads().mostSharedKeys(tenant, 4, 10));
    }

    @Test
    void leadsFoundByAKeyComeInIdOrderTheirBitsReadUnsigned() {
        long high = UUID.randomUUID().getMostSignificantBits() & 0x7fff_ffff_ffff_ffffL;
        List<Lead> leads = List.of(aLead().withId(new LeadId(new UUID(high | 0x8000_0000_0000_0000L, 1))).build(),
                aLead().withId(new LeadId(new UUID(high, 2))).build(),
                aLead().withId(new LeadId(new UUID(high, -1))).build());
        String address = "order-" + UUID.randomUUID() + "@x.io";
        leads.forEach(lead -> leads().insert(lead, Set.of(email(address))));

        assertEquals(List.of(leads.get(1).id(), leads.get(2).id(), leads.get(0).id()),
                leads().findByKeys(TENANT, List.of(email(address)), SearchScope.everything(), 10));
        assertEquals(List.of(leads.get(1).id()), leads().findByKeys(TENANT, List.of(email(address)),
                SearchScope.everything(), 1));
    }

    @Test
    void aLeadFoundByTwoKeysIsReportedOnce() {
        Lead lead = aLead().build();
        leads().insert(lead, Set.of(email("one@x.io"), email("two@x.io")));
        assertEquals(List.of(lead.id()), leads().findByKeys(TENANT, List.of(email("one@x.io"), email("two@x.io")),
                SearchScope.everything(), 10));
    }

    @Test
    void anUpdateReplacesValuesAndKeys() {
        Lead lead = storedLead("old@x.io");
        Lead changed = lead.withName("renamed").touched(T0.plus(Duration.ofDays(1)));
        leads().update(changed, Set.of(email("new@x.io")));

        assertEquals(changed, leads().find(TENANT, lead.id()).orElseThrow());
        assertTrue(leads().findByKeys(TENANT, List.of(email("old@x.io")), SearchScope.everything(), 10).isEmpty());
        assertEquals(List.of(lead.id()), leads().findByKeys(TENANT, List.of(email("new@x.io")),
                SearchScope.everything(), 10));
    }

    @Test
    void anUpdateKeepsTheKeysItStillHasDropsTheOthersAndAddsTheNewOnes() {
        Lead lead = storedLead("kept@x.io");
        leads().update(lead.touched(T0.plus(Duration.ofDays(1))), Set.of(email("kept@x.io"), email("dropped@x.io")));
        leads().update(lead.withVersion(lead.version() + 2, T0.plus(Duration.ofDays(2))),
                Set.of(email("kept@x.io"), email("added@x.io")));

        for (String kept : List.of("kept@x.io", "added@x.io")) {
            assertEquals(List.of(lead.id()), leads().findByKeys(TENANT, List.of(email(kept)),
                    SearchScope.everything(), 10), kept);
        }
        assertTrue(leads().findByKeys(TENANT, List.of(email("dropped@x.io")), SearchScope.everything(), 10)
                .isEmpty());
    }

    @Test
    void anUpdateFromAStaleReadIsRefusedAndLosesNothing() {
        Lead lead = storedLead("stale@x.io");
        Lead first = lead.withName("first writer").touched(T0);
        Lead second = lead.withName("second writer").touched(T0);
        leads().update(first, Set.of(email("stale@x.io")));

        assertThrows(StaleRecordException.class, () -> leads().update(second, Set.of()));
        assertEquals(first, leads().find(TENANT, lead.id()).orElseThrow());
    }

    @Test
    void leadsInsertedTogetherAreStoredWithTheirContactsAndKeys() {
        List<Lead> leads = List.of(aLead().withEmail("t1@x.io").withPhone("+44 20 7946 0958").build(),
                aLead().withSecondaryContact(aContact("Jane Roe", "jane@roe.io", "+1 212 555 0100")).build(),
                aLead().withContactName("No Contact Keys").build());
        leads().insertAll(List.of(new IndexedLead(leads.get(0), Set.of(email("t1@x.io"), email("t1b@x.io"))),
                new IndexedLead(leads.get(1), Set.of(email("t2@x.io"))), new IndexedLead(leads.get(2), Set.of())));

        assertEquals(leads, leads().findAll(TENANT, leads.stream().map(Lead::id).toList()));
        assertEquals(List.of(List.of(leads.get(0).id()), List.of(leads.get(1).id())), leads().findByKeySets(TENANT,
                List.of(List.of(email("t1b@x.io")), List.of(email("t2@x.io"))), SearchScope.everything(), 10));
    }

    @Test
    void updatesTogetherApplyInOrderAndLeaveEachLeadAsItsLastUpdateHasIt() {
        Lead once = storedLead("once@x.io");
        Lead twice = storedLead("twice-old@x.io");
        Lead onceChanged = once.withName("changed once").touched(T0.plus(Duration.ofDays(1)));
        Lead twiceFirst = twice.withName("first change").touched(T0.plus(Duration.ofDays(1)));
        Lead twiceLast = twiceFirst.withName("last change").withContacts(List.of()).touched(T0.plus(Duration.ofDays(2)));

        leads().updateAll(List.of(new IndexedLead(twiceFirst, Set.of(email("twice-mid@x.io"))),
                new IndexedLead(onceChanged, Set.of(email("once@x.io"), email("once-more@x.io"))),
                new IndexedLead(twiceLast, Set.of(email("twice-new@x.io")))));

        assertEquals(List.of(onceChanged, twiceLast), leads().findAll(TENANT, List.of(once.id(), twice.id())));
        assertEquals(List.of(List.of(once.id()), List.of(twice.id()), List.of(), List.of()), leads().findByKeySets(
                TENANT, List.of(List.of(email("once-more@x.io")), List.of(email("twice-new@x.io")),
                        List.of(email("twice-mid@x.io")), List.of(email("twice-old@x.io"))), SearchScope.everything(),
                10));
    }

    /** The lead with its second contact dropped and its first one given another email. */
    private static Lead withContactsChanged(Lead lead, String newEmail) {
        Contact first = lead.contacts().getFirst().contact();
        Contact changed = new Contact(first.id(), first.fullName(), first.phones(),
                List.of(Email.of(newEmail)), first.customFields());
        return lead.withContacts(List.of(new LinkedContact(changed, ContactRole.PRIMARY))).touched(T0);
    }

    @Test
    void anUpdateThatDropsAContactAndChangesAnotherLeavesTheLeadWithExactlyItsContacts() {
        Lead lead = storedLead("shrink@x.io");
        Lead changed = withContactsChanged(lead, "shrunk@x.io");

        leads().update(changed, Set.of(email("shrunk@x.io")));

        assertEquals(changed, leads().find(TENANT, lead.id()).orElseThrow());
        Lead grown = changed.withContacts(lead.contacts()).touched(T0.plus(Duration.ofDays(1)));
        leads().update(grown, Set.of(email("shrink@x.io")));
        assertEquals(grown, leads().find(TENANT, lead.id()).orElseThrow());
    }

    @Test
    void updatesTogetherThatDropAndChangeContactsLeaveEachLeadWithExactlyItsContacts() {
        Lead one = storedLead("shrink-one@x.io");
        Lead other = storedLead("shrink-other@x.io");
        Lead oneChanged = withContactsChanged(one, "shrunk-one@x.io");
        Lead otherUnchangedContacts = other.withName("renamed").touched(T0);

        leads().updateAll(List.of(new IndexedLead(oneChanged, Set.of(email("shrunk-one@x.io"))),
                new IndexedLead(otherUnchangedContacts, Set.of(email("shrink-other@x.io")))));

        assertEquals(List.of(oneChanged, otherUnchangedContacts), leads().findAll(TENANT, List.of(one.id(),
                other.id())));
    }

    @Test
    void updatesTogetherFromAStaleReadAreRefused() {
        Lead current = storedLead("current@x.io");
        Lead stale = storedLead("stale-together@x.io");
        leads().update(stale.touched(T0), Set.of(email("stale-together@x.io")));

        assertThrows(StaleRecordException.class, () -> leads().updateAll(List.of(
                new IndexedLead(current.touched(T0), Set.of()), new IndexedLead(stale.touched(T0), Set.of()))));
    }

    @Test
    void aDeletedLeadAndItsKeysAreGone() {
        Lead lead = storedLead("gone@x.io");
        assertThrows(StaleRecordException.class, () -> leads().delete(TENANT, lead.id(), lead.version() + 5));
        leads().delete(TENANT, lead.id(), lead.version());
        assertTrue(leads().find(TENANT, lead.id()).isEmpty());
        assertTrue(leads().findByKeys(TENANT, List.of(email("gone@x.io")), SearchScope.everything(), 10).isEmpty());
    }

    @Test
    void anotherTenantCanNeitherReadNorMatchNorChangeALead() {
        Lead lead = storedLead("mine@x.io");
        assertTrue(leads().find(OTHER, lead.id()).isEmpty());
        assertTrue(leads().findAll(OTHER, List.of(lead.id())).isEmpty());
        assertTrue(leads().findByKeys(OTHER, List.of(email("mine@x.io")), SearchScope.everything(), 10).isEmpty());
        Lead foreign = new Lead(lead.id(), OTHER, "stolen", lead.stage(), lead.source(), lead.pixels(), lead.contacts(),
                lead.companies(), lead.customFields(), lead.createdAt(), T0, lead.version() + 1);
        assertThrows(StaleRecordException.class, () -> leads().update(foreign, Set.of()));
        assertThrows(StaleRecordException.class, () -> leads().delete(OTHER, lead.id(), lead.version()));
        assertEquals(lead, leads().find(TENANT, lead.id()).orElseThrow());
    }

    @Test
    void theSameKeyInTwoTenantsFindsEachTenantsOwnLead() {
        Lead mine = aLead().build();
        Lead theirs = aLead().in(OTHER).build();
        leads().insert(mine, Set.of(email("shared@x.io")));
        leads().insert(theirs, Set.of(email("shared@x.io")));

        assertEquals(List.of(mine.id()), leads().findByKeys(TENANT, List.of(email("shared@x.io")),
                SearchScope.everything(), 10));
        assertEquals(List.of(theirs.id()), leads().findByKeys(OTHER, List.of(email("shared@x.io")),
                SearchScope.everything(), 10));
    }

    @Test
    void forEachVisitsEveryLeadOfTheTenantAcrossPages() {
        TenantId tenant = new TenantId("paged-" + UUID.randomUUID().toString().substring(0, 8));
        List<LeadId> stored = new ArrayList<>();
        for (int i = 0; i < 1_205; i++) {
            Lead lead = aLead().in(tenant).build();
            leads().insert(lead, Set.of());
            stored.add(lead.id());
        }
        leads().insert(aLead().in(OTHER).build(), Set.of());
        List<LeadId> visited = new ArrayList<>();
        leads().forEach(tenant, lead -> visited.add(lead.id()));

        assertEquals(Set.copyOf(stored), Set.copyOf(visited));
        assertEquals(stored.size(), visited.size());
        assertEquals(1_205, leads().count(tenant));
    }

    private static TenantId freshTenant(String prefix) {
        return new TenantId(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void pagesOfLeadsFollowEachOtherInStoreOrderAndStayInTheirTenant() {
        TenantId tenant = freshTenant("pages");
        List<LeadId> stored = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Lead lead = aLead().in(tenant).withEmail("p" + i + "@x.io").build();
            leads().insert(lead, Set.of());
            stored.add(lead.id());
        }
        leads().insert(aLead().in(freshTenant("elsewhere")).build(), Set.of());

        List<Lead> first = leads().firstPage(tenant, 2);
        List<Lead> second = leads().pageAfter(tenant, first.getLast().id(), 2);
        List<Lead> last = leads().pageAfter(tenant, second.getLast().id(), 2);

        List<LeadId> paged = new ArrayList<>();
        List.of(first, second, last).forEach(page -> page.forEach(lead -> paged.add(lead.id())));
        assertEquals(stored.stream().sorted(LeadId.STORE_ORDER).toList(), paged);
        assertEquals(List.of(2, 2, 1), List.of(first.size(), second.size(), last.size()));
        assertEquals(List.of(), leads().pageAfter(tenant, last.getLast().id(), 2));
    }

    @Test
    void addedKeysFindTheLeadAndKeepItsOwnKeys() {
        TenantId tenant = freshTenant("addkeys");
        Lead lead = aLead().in(tenant).withEmail("add@x.io").build();
        leads().insert(lead, Set.of(email("add@x.io")));
        MatchKey phone = new MatchKey("primary_phone", "+442079460958");

        leads().addKeys(tenant, List.of(new IndexedLead(lead, Set.of(phone, email("add@x.io")))));
        leads().addKeys(tenant, List.of(new IndexedLead(lead, Set.of(phone))));

        assertEquals(List.of(lead.id()), leads().findByKeys(tenant, List.of(phone), SearchScope.everything(), 10));
        assertEquals(List.of(lead.id()), leads().findByKeys(tenant, List.of(email("add@x.io")),
                SearchScope.everything(), 10));
        assertEquals(Map.of(phone, 1), leads().countByKeys(tenant, List.of(phone), SearchScope.everything(), 5),
                "added twice, stored once");
    }

    @Test
    void keysAreNotAddedToALeadChangedSinceItWasRead() {
        TenantId tenant = freshTenant("addstale");
        Lead read = aLead().in(tenant).withEmail("stale@x.io").build();
        leads().insert(read, Set.of());
        Lead changed = read.withName("Changed").touched(T0.plus(Duration.ofMinutes(1)));
        leads().update(changed, Set.of());
        Lead deleted = aLead().in(tenant).withEmail("gone@x.io").build();
        leads().insert(deleted, Set.of());
        leads().delete(tenant, deleted.id(), deleted.version());
        MatchKey phone = new MatchKey("primary_phone", "+442079460958");

        leads().addKeys(tenant, List.of(new IndexedLead(read, Set.of(phone)), new IndexedLead(deleted, Set.of(phone))));

        assertEquals(List.of(), leads().findByKeys(tenant, List.of(phone), SearchScope.everything(), 10));
    }

    @Test
    void keysAreAddedOnlyToTheLeadsOfTheTenantNamed() {
        TenantId tenant = freshTenant("addmine");
        Lead theirs = aLead().in(freshTenant("addtheirs")).withEmail("t@x.io").build();
        leads().insert(theirs, Set.of());

        assertThrows(IllegalArgumentException.class, () -> leads().addKeys(tenant,
                List.of(new IndexedLead(theirs, Set.of(email("t@x.io"))))));
        assertEquals(List.of(), leads().findByKeys(theirs.tenant(), List.of(email("t@x.io")),
                SearchScope.everything(), 10));
    }
}
