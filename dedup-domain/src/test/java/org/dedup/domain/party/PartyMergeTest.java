package org.dedup.domain.party;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aContact;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.domain.control.LeadLimits;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.merge.AfterUnmerge;
import org.dedup.domain.merge.FieldProvenance;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.MergeState;
import org.dedup.domain.merge.SurvivorshipRule;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactRole;
import org.dedup.domain.model.CustomFieldDefinition;
import org.dedup.domain.model.CustomFieldType;
import org.dedup.domain.model.CustomFieldValue;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.FieldLevel;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.Party;
import org.dedup.domain.model.RecordNotFoundException;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.party.CompanyKind;
import org.dedup.domain.party.ContactControl;
import org.dedup.domain.party.ContactKind;
import org.dedup.domain.party.PartyMergeEntry;
import org.dedup.domain.party.PartyMerges;
import org.dedup.domain.search.DuplicateSearch;
import org.dedup.domain.search.RecordPair;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.store.StaleRecordException;
import org.dedup.domain.testing.DuplicateControlFixture;
import org.dedup.domain.testing.InMemoryCompanyRepository;
import org.dedup.domain.testing.InMemoryContactRepository;
import org.dedup.domain.testing.InMemoryPartyMergeJournal;
import org.dedup.domain.testing.InMemorySearchStores;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Manual merge and unmerge of contacts and companies, and the leads that follow them. */
class PartyMergeTest {
    private final DuplicateControlFixture fixture = new DuplicateControlFixture();
    private final InMemoryContactRepository contacts = new InMemoryContactRepository();
    private final InMemoryCompanyRepository companies = new InMemoryCompanyRepository();
    private final InMemoryPartyMergeJournal journal = new InMemoryPartyMergeJournal();
    private final InMemorySearchStores stores = fixture.marks;
    private final DuplicateSearch search = new DuplicateSearch(fixture.leads, contacts, companies, fixture.settings,
            stores, stores, fixture.standardizer);
    private final PartyMerges<Contact> contactMerges = new PartyMerges<>(new ContactKind(contacts, search),
            fixture.ports, journal, fixture.matchers, fixture.standardizer, fixture.clock, LeadLimits.defaults());
    private final PartyMerges<Company> companyMerges = new PartyMerges<>(new CompanyKind(companies, search),
            fixture.ports, journal, fixture.matchers, fixture.standardizer, fixture.clock, LeadLimits.defaults());

    private Contact contact(Contact contact) {
        search.saveContact(TENANT, contact);
        return contact;
    }

    private Company company(String name, String website, String email) {
        Company company = new Company(CompanyId.random(), name, website, List.of(),
                email == null ? List.of() : List.of(Email.of(email)), Map.of());
        search.saveCompany(TENANT, company);
        return company;
    }

    private static PartyMerges.Request request(List<? extends Party> records, Party survivor,
                                               Map<String, RecordRef> choices) {
        return new PartyMerges.Request(TENANT, records.stream().map(Party::id).toList(), survivor.id(), choices);
    }

    private static Lead withoutVersion(Lead lead) {
        return lead.withVersion(0, Instant.EPOCH);
    }

    @Nested
    class ContactMerge {
        @Test
        void theSurvivorKeepsItsValuesUnitesPhonesAndEmailsAndTakesChosenFields() {
            Contact jane = contact(aContact("Jane Doe", "jane@x.io", null));
            Contact doe = contact(aContact("J. Doe", "JANE@x.io", "+1 415 555 2671")
                    .withCustomFields(Map.of("city", CustomFieldValue.text("Oslo"))));

            MergeId merge = contactMerges.merge(request(List.of(jane, doe), jane, Map.of("name", doe.id())));

            Contact after = contacts.find(TENANT, jane.id()).orElseThrow();
            assertEquals("J. Doe", after.fullName());
            assertEquals(List.of(Email.of("jane@x.io")), after.emails(), "the same email is not added twice");
            assertEquals(1, after.phones().size());
            assertEquals(CustomFieldValue.text("Oslo"), after.customFields().get("city"));
            assertTrue(contacts.find(TENANT, doe.id()).isEmpty(), "the absorbed contact is gone");
            PartyMergeEntry<Contact> entry = journal.find(TENANT, merge, Contact.class).orElseThrow();
            assertTrue(entry.provenance().contains(new FieldProvenance("name", "J. Doe", doe.id(),
                    SurvivorshipRule.MANUAL)));
            assertTrue(entry.provenance().contains(new FieldProvenance("custom.city", "Oslo", doe.id(),
                    SurvivorshipRule.MOST_COMPLETE)));
        }

        @Test
        void aLeadLinkingAnAbsorbedContactFollowsItToTheSurvivorKeepingItsRole() {
            Contact jane = contact(aContact("Jane Doe", "jane@x.io", null));
            Contact doe = contact(aContact("J. Doe", "doe@x.io", null));
            Lead lead = fixture.stored(aLead().withContactName("Boss").withSecondaryContact(doe));

            contactMerges.merge(request(List.of(jane, doe), jane, Map.of()));

            Lead after = fixture.reload(lead);
            LinkedContact link = after.contacts().get(1);
            assertEquals(jane.id(), link.contact().id());
            assertEquals(ContactRole.SECONDARY, link.role());
            assertEquals(List.of(Email.of("jane@x.io"), Email.of("doe@x.io")), link.contact().emails());
            assertEquals(lead.version() + 1, after.version());
        }

        @Test
        void aLeadLinkingTwoMergedContactsKeepsOneLinkPrimaryIfEitherWas() {
            Contact jane = contact(aContact("Jane Doe", "jane@x.io", null));
            Contact doe = contact(aContact("J. Doe", "doe@x.io", null));
            Lead lead = fixture.stored(aLead().withContactName("Someone").withSecondaryContact(jane));
            Lead withDoePrimary = lead.withContacts(List.of(lead.contacts().get(1),
                    new LinkedContact(doe, ContactRole.PRIMARY)));
            rewritten(withDoePrimary);

            contactMerges.merge(request(List.of(jane, doe), jane, Map.of()));

            Lead after = fixture.reload(lead);
            assertEquals(1, after.contacts().size());
            assertEquals(new LinkedContact(contacts.find(TENANT, jane.id()).orElseThrow(), ContactRole.PRIMARY),
                    after.contacts().getFirst());
        }

        @Test
        void aMergeWhoseSurvivorWouldCarryMoreEmailsThanTheLimitIsRefusedAndChangesNothing() {
            PartyMerges<Contact> bounded = new PartyMerges<>(new ContactKind(contacts, search), fixture.ports,
                    journal, fixture.matchers, fixture.standardizer, fixture.clock,
                    new LeadLimits(20, 2, 10, 50, 50, 20, 20));
            Contact jane = contact(aContact("Jane Doe", "jane@x.io", null));
            Contact doe = contact(aContact("J. Doe", "doe@x.io", null));
            Contact roe = contact(aContact("J. Roe", "roe@x.io", null));

            LeadLimits.LimitExceededException refused = assertThrows(LeadLimits.LimitExceededException.class,
                    () -> bounded.merge(request(List.of(jane, doe, roe), jane, Map.of())));

            assertTrue(refused.getMessage().contains("limits.emailsPerContact"), refused.getMessage());
            assertEquals(List.of(jane, doe, roe), contacts.findAll(TENANT, List.of(jane.id(), doe.id(), roe.id())));
        }

        @Test
        void marksOfAnAbsorbedContactFollowItToTheSurvivor() {
            Contact jane = contact(aContact("Jane Doe", "jane@x.io", null));
            Contact doe = contact(aContact("J. Doe", "doe@x.io", null));
            Contact other = contact(aContact("Other Doe", "other@x.io", null));
            stores.mark(TENANT, new RecordPair(doe.id(), other.id()));

            contactMerges.merge(request(List.of(jane, doe), jane, Map.of()));

            assertTrue(stores.all(TENANT).contains(new RecordPair(jane.id(), other.id())),
                    "Other was said not to be Doe, so it is not the contact that now holds Doe's values either");
        }

        @Test
        void aMergeOfAMissingContactIsRefusedAndChangesNothing() {
            Contact jane = contact(aContact("Jane Doe", "jane@x.io", null));
            Contact ghost = aContact("Ghost", "ghost@x.io", null);

            assertThrows(RecordNotFoundException.class,
                    () -> contactMerges.merge(request(List.of(jane, ghost), jane, Map.of())));
            assertEquals(jane, contacts.find(TENANT, jane.id()).orElseThrow());
        }

        @Test
        void aContactMergeRefusesACompany() {
            Contact jane = contact(aContact("Jane Doe", "jane@x.io", null));
            Company acme = company("Acme", "acme.com", null);

            assertThrows(InvalidRecordException.class, () -> contactMerges.merge(
                    new PartyMerges.Request(TENANT, List.of(jane.id(), acme.id()), jane.id(), Map.of())));
        }

        @Test
        void unmergeIsRefusedWhenTheSurvivorChangedAfterTheMerge() {
            Contact jane = contact(aContact("Jane Doe", "jane@x.io", null));
            Contact doe = contact(aContact("J. Doe", "doe@x.io", null));
            MergeId merge = contactMerges.merge(request(List.of(jane, doe), jane, Map.of()));
            Contact merged = contacts.find(TENANT, jane.id()).orElseThrow();
            search.saveContact(TENANT, merged.withFullName("Jane Changed"));

            assertThrows(StaleRecordException.class,
                    () -> contactMerges.unmerge(TENANT, merge, AfterUnmerge.LEAVE_UNMARKED));
            assertTrue(contacts.find(TENANT, doe.id()).isEmpty(), "nothing was put back");
        }

        @Test
        void anUnmergeIsRefusedTheSecondTime() {
            Contact jane = contact(aContact("Jane Doe", "jane@x.io", null));
            Contact doe = contact(aContact("J. Doe", "doe@x.io", null));
            MergeId merge = contactMerges.merge(request(List.of(jane, doe), jane, Map.of()));
            contactMerges.unmerge(TENANT, merge, AfterUnmerge.LEAVE_UNMARKED);

            assertThrows(InvalidRecordException.class,
                    () -> contactMerges.unmerge(TENANT, merge, AfterUnmerge.LEAVE_UNMARKED));
        }
    }

    @Nested
    class CompanyMerge {
        @Test
        void theSurvivorKeepsItsNameAndTakesAWebsiteItLacks() {
            Company acme = company("Acme", "", "info@acme.com");
            Company ltd = company("ACME Ltd", "acme.co.uk", "sales@acme.com");

            MergeId merge = companyMerges.merge(request(List.of(acme, ltd), acme, Map.of()));

            Company after = companies.find(TENANT, acme.id()).orElseThrow();
            assertEquals("Acme", after.name());
            assertEquals("acme.co.uk", after.website());
            assertEquals(2, after.emails().size());
            assertTrue(journal.find(TENANT, merge, Company.class).orElseThrow().provenance().contains(
                    new FieldProvenance("website", "acme.co.uk", ltd.id(), SurvivorshipRule.MOST_COMPLETE)));
        }

        @Test
        void aLeadLinkingAnAbsorbedCompanyFollowsItToTheSurvivor() {
            Company acme = company("Acme", "acme.com", null);
            Company ltd = company("ACME Ltd", "acme.co.uk", null);
            Lead lead = withCompanies(fixture.stored(aLead().withEmail("deal@x.io")), List.of(ltd));

            companyMerges.merge(request(List.of(acme, ltd), acme, Map.of()));

            assertEquals(List.of(companies.find(TENANT, acme.id()).orElseThrow()), fixture.reload(lead).companies());
        }

        @Test
        void aCompanyMergeIsNotUndoneAsAContactMerge() {
            Company acme = company("Acme", "acme.com", null);
            Company ltd = company("ACME Ltd", "acme.co.uk", null);
            MergeId merge = companyMerges.merge(request(List.of(acme, ltd), acme, Map.of()));

            assertThrows(InvalidRecordException.class,
                    () -> contactMerges.unmerge(TENANT, merge, AfterUnmerge.LEAVE_UNMARKED));
            assertTrue(companies.find(TENANT, ltd.id()).isEmpty());
        }
    }

    @Nested
    class ContactControlOnAdd {
        private final ContactControl control = new ContactControl(contacts, contactMerges, fixture.ports,
                fixture.standardizer);

        private Contact withPassport(String name, String email, String passport) {
            return aContact(name, email, null).withCustomFields(Map.of("passport", CustomFieldValue.text(passport)));
        }

        private void matchOnPassport(MatchMethod... methods) {
            fixture.configure(fixture.enable(methods).withMatchedFields(List.of(
                    new CustomFieldDefinition("passport", CustomFieldType.TEXT, FieldLevel.CONTACT))));
        }

        private Contact primaryOfALead(Contact contact) {
            contact(contact);
            Lead lead = fixture.stored(aLead().withEmail("deal@x.io"));
            rewritten(lead.withContacts(List.of(new LinkedContact(contact, ContactRole.PRIMARY))));
            return contact;
        }

        @Test
        void aNewContactSharingAChosenFieldWithALeadsPrimaryContactIsMergedIntoIt() {
            matchOnPassport(MatchMethod.CUSTOM_FIELD);
            Contact stored = primaryOfALead(withPassport("Jane Doe", "jane@x.io", "AB 123"));

            ContactControl.Added added = control.add(TENANT, withPassport("J Doe", "jd@work.io", "ab-123"));

            ContactControl.Merged merged = assertInstanceOf(ContactControl.Merged.class, added);
            assertEquals(stored.id(), merged.into());
            assertEquals(List.of(Email.of("jane@x.io"), Email.of("jd@work.io")),
                    contacts.find(TENANT, stored.id()).orElseThrow().emails());
        }

        @Test
        void aDuplicateThatIsNoLeadsPrimaryContactIsReportedNotMerged() {
            matchOnPassport(MatchMethod.CUSTOM_FIELD);
            Contact stored = contact(withPassport("Jane Doe", "jane@x.io", "AB 123"));

            ContactControl.Added added = control.add(TENANT, withPassport("J Doe", "jd@work.io", "AB 123"));

            assertEquals(List.of(stored.id()), assertInstanceOf(ContactControl.Created.class, added).duplicates());
            assertEquals(stored, contacts.find(TENANT, stored.id()).orElseThrow());
        }

        @Test
        void withoutTheCustomFieldMethodNoContactIsMerged() {
            matchOnPassport(MatchMethod.EMAIL);
            primaryOfALead(withPassport("Jane Doe", "jane@x.io", "AB 123"));

            assertInstanceOf(ContactControl.Created.class,
                    control.add(TENANT, withPassport("J Doe", "jd@work.io", "AB 123")));
        }

        @Test
        void aNewContactDuplicatingTwoPrimaryContactsIsCreatedAndReported() {
            matchOnPassport(MatchMethod.CUSTOM_FIELD);
            primaryOfALead(withPassport("Jane Doe", "jane@x.io", "AB 123"));
            primaryOfALead(withPassport("Jane D", "jd@x.io", "AB 123"));

            ContactControl.Added added = control.add(TENANT, withPassport("J Doe", "jd@work.io", "AB 123"));

            assertEquals(2, assertInstanceOf(ContactControl.Created.class, added).duplicates().size());
        }

        @Test
        void unmergeOfAMergeOnAddStoresTheNewContactOnItsOwn() {
            matchOnPassport(MatchMethod.CUSTOM_FIELD);
            Contact stored = primaryOfALead(withPassport("Jane Doe", "jane@x.io", "AB 123"));
            Contact incoming = withPassport("J Doe", "jd@work.io", "AB 123");
            ContactControl.Merged merged = assertInstanceOf(ContactControl.Merged.class, control.add(TENANT, incoming));

            contactMerges.unmerge(TENANT, merged.merge(), AfterUnmerge.LEAVE_UNMARKED);

            assertEquals(stored, contacts.find(TENANT, stored.id()).orElseThrow());
            assertEquals(incoming, contacts.find(TENANT, incoming.id()).orElseThrow());
        }
    }

    @Test
    void fiveContactsAndThreeCompaniesMergeAndUnmergeBackToTheExactPriorState() {
        List<Contact> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(contact(aContact("Person " + i, "p" + i + "@x.io", "+1 415 555 267" + i)
                    .withCustomFields(Map.of("rank", CustomFieldValue.text("r" + i)))));
        }
        List<Company> three = List.of(company("Acme", "acme.com", "info@acme.com"), company("ACME Ltd", "", null),
                company("", "acme.co.uk", "sales@acme.com"));
        Lead first = withCompanies(fixture.stored(aLead().withContactName("Owner").withEmail("owner@x.io")
                .withSecondaryContact(five.get(1)).withSecondaryContact(five.get(3))), List.of(three.get(1)));
        Lead second = fixture.stored(aLead().withContactName("Other").withSecondaryContact(five.get(4)));
        Lead third = withCompanies(fixture.stored(aLead().withEmail("third@x.io")), three.subList(1, 3));
        Lead untouched = fixture.stored(aLead().withEmail("none@x.io"));
        List<Lead> leads = List.of(first, second, third, untouched);
        List<Set<MatchKey>> keysBefore = leads.stream().map(l -> fixture.leads.keysOf(TENANT, l.id())).toList();

        MergeId contactMerge = contactMerges.merge(request(five, five.get(2), Map.of("name", five.get(4).id())));
        MergeId companyMerge = companyMerges.merge(request(three, three.getFirst(), Map.of()));

        assertEquals(1, contacts.findAll(TENANT, five.stream().map(Contact::id).toList()).size());
        assertEquals(1, companies.findAll(TENANT, three.stream().map(Company::id).toList()).size());
        assertEquals(List.of(three.getFirst().id()), fixture.reload(third).companies().stream().map(Company::id).toList());
        assertEquals(2, fixture.reload(first).contacts().size(), "Person 1 and Person 3 became one link");
        assertThrows(StaleRecordException.class,
                () -> contactMerges.unmerge(TENANT, contactMerge, AfterUnmerge.MARK_NOT_DUPLICATES),
                "the company merge changed a lead the contact merge left: undo the later merge first");

        companyMerges.unmerge(TENANT, companyMerge, AfterUnmerge.LEAVE_UNMARKED);
        PartyMergeEntry<Contact> undone = contactMerges.unmerge(TENANT, contactMerge,
                AfterUnmerge.MARK_NOT_DUPLICATES);

        assertEquals(MergeState.UNDONE, undone.state());
        assertEquals(five, contacts.findAll(TENANT, five.stream().map(Contact::id).toList()));
        assertEquals(three, companies.findAll(TENANT, three.stream().map(Company::id).toList()));
        for (int i = 0; i < leads.size(); i++) {
            Lead lead = leads.get(i);
            assertEquals(withoutVersion(lead), withoutVersion(fixture.reload(lead)));
            assertEquals(keysBefore.get(i), fixture.leads.keysOf(TENANT, lead.id()));
        }
        assertEquals(untouched.version(), fixture.reload(untouched).version(), "a lead linking none was not written");
        assertEquals(five.stream().filter(c -> c != five.get(2)).map(c -> new RecordPair(five.get(2).id(), c.id()))
                .collect(java.util.stream.Collectors.toSet()), stores.all(TENANT),
                "the contacts put back are marked not duplicates of the survivor; the companies were left unmarked");
    }

    private Lead withCompanies(Lead lead, List<Company> linked) {
        return rewritten(lead.withCompanies(linked));
    }

    /** Stores a changed lead as its next version, indexed as duplicate control would. */
    private Lead rewritten(Lead changed) {
        Lead next = changed.touched(changed.updatedAt());
        fixture.leads.update(next, fixture.matchers.indexKeys(next,
                fixture.settings.settings(TENANT), new ArrayList<>()));
        return next;
    }
}
