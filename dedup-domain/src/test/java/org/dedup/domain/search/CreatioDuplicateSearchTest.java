package org.dedup.domain.search;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.dedup.domain.match.InstalledMatchers;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.Phone;
import org.dedup.domain.model.PhoneType;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.RecordNotFoundException;
import org.dedup.domain.rules.DuplicateRule;
import org.dedup.domain.search.BulkScans;
import org.dedup.domain.search.BulkSearchResult;
import org.dedup.domain.search.DuplicateGroup;
import org.dedup.domain.search.DuplicateSearch;
import org.dedup.domain.search.RecordPair;
import org.dedup.domain.search.ScanAlreadyRunningException;
import org.dedup.domain.search.ScanJob;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.ProfileField;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.testing.InMemoryCompanyRepository;
import org.dedup.domain.testing.InMemoryContactRepository;
import org.dedup.domain.testing.InMemoryLeadRepository;
import org.dedup.domain.testing.InMemoryScanJobs;
import org.dedup.domain.testing.InMemorySearchStores;
import org.dedup.domain.testing.InMemorySettingsStore;
import org.dedup.domain.testing.LeadBuilder;
import org.dedup.domain.testing.MutableClock;
import org.dedup.domain.testing.SameThreadMatcherGuard;
import org.dedup.domain.testing.SimpleStandardizer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every behaviour of the Creatio duplicate-search spec, on the real standardizer. */
class CreatioDuplicateSearchTest {
    private final InMemoryLeadRepository leads = new InMemoryLeadRepository();
    private final InMemoryContactRepository contacts = new InMemoryContactRepository();
    private final InMemoryCompanyRepository companies = new InMemoryCompanyRepository();
    private final InMemorySettingsStore settings = new InMemorySettingsStore();
    private final InMemorySearchStores stores = new InMemorySearchStores();
    private final RecordStandardizer standardizer = new RecordStandardizer(new SimpleStandardizer());
    private final InstalledMatchers matchers = new InstalledMatchers(List.of(), standardizer,
            new SameThreadMatcherGuard());
    private final DuplicateSearch search = new DuplicateSearch(leads, contacts, companies, settings, stores, stores,
            standardizer);

    private static Contact contact(String name, String email, Phone... phones) {
        return new Contact(ContactId.random(), name, List.of(phones), email == null ? List.of() : List.of(Email.of(email)),
                Map.of());
    }

    private static Company company(String name, String website) {
        return new Company(CompanyId.random(), name, website, List.of(), List.of(), Map.of());
    }

    private Contact savedContact(String name, String email, Phone... phones) {
        Contact contact = contact(name, email, phones);
        search.saveContact(TENANT, contact);
        return contact;
    }

    private Lead savedLead(Lead lead) {
        leads.insert(lead, matchers.indexKeys(lead, settings.settings(TENANT), new ArrayList<>()));
        return lead;
    }

    @Test
    void allPhoneTypesAreComparedWithEachOther() {
        Contact work = savedContact("John Smith", null, Phone.of(PhoneType.WORK, "+1 415 555 2671"));
        Contact home = savedContact("Smith John", null, Phone.of(PhoneType.HOME, "(415) 555-2671"));

        BulkSearchResult result = search.scan(TENANT);

        assertEquals(1, result.groups().size());
        assertEquals(Set.of(work.id(), home.id()), Set.copyOf(result.groups().getFirst().members()));
        assertEquals(List.of("Contact: full name and phone"), result.groups().getFirst().rules());
    }

    @Test
    void standardizationMakesDifferentlyWrittenValuesEqual() {
        savedContact("José García", "Jose.Garcia@Example.COM");
        savedContact("GARCIA, Jose", "jose.garcia@example.com");
        assertEquals(1, search.scan(TENANT).groups().size());
    }

    @Test
    void checkOnSaveReturnsLikelyDuplicatesWithTheirExplanation() {
        Contact stored = savedContact("Anna Berg", "anna@berg.se");

        Contact checked = contact("Berg Anna", "ANNA@berg.se");

        List<MatchCandidate> found = search.checkContact(TENANT, checked);

        assertEquals(1, found.size());
        assertEquals(stored.id(), found.getFirst().record());
        assertEquals(MatchMethod.DUPLICATE_RULE, found.getFirst().method());
        assertTrue(found.getFirst().explanation().getFirst().comparison().contains("Contact: full name and email"));
        assertTrue(contacts.findAll(TENANT, List.of(checked.id())).isEmpty(), "checking saves nothing");
    }

    @Test
    void phoneRuleMatchesNumbersLibphonenumberRejectsByTheirLastTenDigits() {
        Contact first = savedContact("John Smith", null, Phone.of(PhoneType.WORK, "+999 415 555 2671"));
        Contact second = savedContact("Smith John", null, Phone.of(PhoneType.MOBILE, "8 (415) 555-26-71"));
        savedContact("John Smith", null, Phone.of(PhoneType.MOBILE, "+999 415 555 2672"));

        List<DuplicateGroup> groups = search.scan(TENANT).groups();

        assertEquals(1, groups.size());
        assertEquals(Set.of(first.id(), second.id()), Set.copyOf(groups.getFirst().members()));
    }

    @Test
    void websiteRuleDoesNotPutEverySiteWrittenWithBackslashesInOneGroup() {
        Company acme = company("Acme", "http:\\\\www.acme.com");
        search.saveCompany(TENANT, acme);
        search.saveCompany(TENANT, company("Acme", "http:\\\\www.acme-shop.com"));
        Company same = company("ACME", "https://acme.com");
        search.saveCompany(TENANT, same);

        List<DuplicateGroup> groups = search.scan(TENANT).groups();

        assertEquals(1, groups.size());
        assertEquals(Set.of(acme.id(), same.id()), Set.copyOf(groups.getFirst().members()));
    }

    @Test
    void recordsKeepTheirValuesAsWrittenWhenStandardized() {
        Contact written = savedContact("GARCÍA, José", "Jose.Garcia@Example.COM",
                Phone.of(PhoneType.WORK, "+1 (415) 555-2671"));
        savedContact("Jose Garcia", "jose.garcia@example.com");

        search.scan(TENANT);
        search.checkContact(TENANT, written);

        assertEquals(List.of(written), contacts.findAll(TENANT, List.of(written.id())));
    }

    @Test
    void leadsAreComparedWithContactsAndCompanies() {
        Contact contact = savedContact("Maria Lopez", "maria@lopez.es");
        Company company = new Company(CompanyId.random(), "Acme Ltd", "https://www.acme.com", List.of(), List.of(),
                Map.of());
        search.saveCompany(TENANT, company);

        List<MatchCandidate> found = search.checkLead(aLead().withContactName("Someone").withEmail("Maria@Lopez.es")
                .withCompany("ACME ltd.", "acme.com").build());

        assertEquals(Set.of(contact.id(), company.id()), Set.copyOf(found.stream().map(MatchCandidate::record).toList()));
    }

    @Test
    void leadsAreFoundByBulkSearchAcrossObjects() {
        Lead lead = savedLead(aLead().withEmail("kim@x.io").build());
        Contact contact = savedContact("Kim Lee", "KIM@x.io");
        assertEquals(Set.of(lead.id(), contact.id()), Set.copyOf(search.scan(TENANT).groups().getFirst().members()));
    }

    @Test
    void aNotADuplicateDecisionIsRememberedOnTheNextRun() {
        Contact a = savedContact("Lee Chan", "lee@chan.io");
        Contact b = savedContact("Chan Lee", "lee@chan.io");
        assertEquals(1, search.scan(TENANT).groups().size());

        search.markNotDuplicate(TENANT, new RecordPair(a.id(), b.id()));

        assertTrue(search.scan(TENANT).groups().isEmpty());
        assertTrue(search.checkContact(TENANT, a).isEmpty(), "check on save honours the mark too");
    }

    @Test
    void aMarkOfARecordThatDoesNotExistIsRefusedAndNothingIsMarked() {
        Contact stored = savedContact("Lee Chan", "lee@chan.io");

        assertThrows(RecordNotFoundException.class,
                () -> search.markNotDuplicate(TENANT, new RecordPair(stored.id(), ContactId.random())));
        assertThrows(RecordNotFoundException.class,
                () -> search.markNotDuplicate(TENANT, new RecordPair(LeadId.random(), stored.id())));
        assertTrue(stores.all(TENANT).isEmpty());
    }

    @Test
    void leadsContactsAndCompaniesCanBeMarkedWithEachOther() {
        Lead lead = savedLead(aLead().withEmail("kim@x.io").withCompany("Kim Ltd", "kim.io").build());
        Contact contact = savedContact("Kim Lee", "KIM@x.io");
        Company company = company("Kim Ltd", "https://kim.io");
        search.saveCompany(TENANT, company);
        assertEquals(1, search.scan(TENANT).groups().size());

        search.markNotDuplicate(TENANT, new RecordPair(lead.id(), contact.id()));
        search.markNotDuplicate(TENANT, new RecordPair(company.id(), lead.id()));

        assertTrue(search.scan(TENANT).groups().isEmpty());
        assertEquals(List.of(new RecordPair(lead.id(), contact.id()), new RecordPair(lead.id(), company.id())),
                search.notDuplicateMarks(TENANT, Optional.empty(), 10));
    }

    @Test
    void aRemovedMarkLetsThePairBeGroupedAgain() {
        Contact a = savedContact("Lee Chan", "lee@chan.io");
        Contact b = savedContact("Chan Lee", "lee@chan.io");
        search.markNotDuplicate(TENANT, new RecordPair(a.id(), b.id()));
        assertTrue(search.scan(TENANT).groups().isEmpty());

        search.removeNotDuplicateMark(TENANT, new RecordPair(b.id(), a.id()));

        assertEquals(1, search.scan(TENANT).groups().size());
        assertThrows(RecordNotFoundException.class,
                () -> search.removeNotDuplicateMark(TENANT, new RecordPair(a.id(), b.id())), "no mark left");
    }

    @Test
    void groupIdsAreStableAcrossReruns() {
        savedContact("Ola Nordmann", "ola@nordmann.no");
        savedContact("Nordmann Ola", "ola@nordmann.no");
        UUID first = search.scan(TENANT).groups().getFirst().id();

        savedContact("Ola Nordmann", "OLA@nordmann.no");
        DuplicateGroup grown = search.scan(TENANT).groups().getFirst();

        assertEquals(first, grown.id());
        assertEquals(3, grown.members().size());
    }

    @Test
    void bulkSearchComparesFarFewerPairsThanAllPairs() {
        for (int i = 0; i < 2_000; i++) {
            savedContact("Person " + i, "person" + (i % 1_000) + "@x.io");
        }
        BulkSearchResult result = search.scan(TENANT);
        assertEquals(1_000, result.groups().size(), "each email shared by two people");
        assertTrue(result.pairsCompared() < result.allPairs() / 100,
                result.pairsCompared() + " pairs compared of " + result.allPairs());
    }

    @Test
    void aDryRunReportsWhatOtherRulesWouldFindAndStoresNothing() {
        savedContact("Ann Lee", "ann@a.io");
        savedContact("Ann Lee", "other@b.io");
        DuplicateRule byName = new DuplicateRule("Contact: full name", Set.of(RecordKind.CONTACT),
                List.of(ProfileField.FULL_NAME), true, true, true);

        BulkSearchResult dryRun = search.dryRun(TENANT, List.of(byName));

        assertEquals(1, dryRun.groups().size());
        assertTrue(stores.groups(TENANT).isEmpty());
        assertTrue(search.scan(TENANT).groups().isEmpty(), "the tenant's own rules are unchanged");
    }

    @Test
    void inactiveRulesAndRulesNotUsedInBulkAreIgnored() {
        savedContact("Ann Lee", "ann@a.io");
        savedContact("Ann Lee", "ann@a.io");
        settings.saveRules(TENANT, List.of(
                new DuplicateRule("inactive", Set.of(RecordKind.CONTACT), List.of(ProfileField.EMAIL), false, true, true),
                new DuplicateRule("save only", Set.of(RecordKind.CONTACT), List.of(ProfileField.EMAIL), true, true, false)));
        assertTrue(search.scan(TENANT).groups().isEmpty());
    }

    @Nested
    class ScanJobs {
        private final InMemoryScanJobs jobs = new InMemoryScanJobs();
        private final MutableClock clock = new MutableClock(LeadBuilder.T0);
        @TempDir
        Path spill;
        private BulkScans scans;

        @BeforeEach
        void scansSpillingToDisk() {
            scans = new BulkScans(search, jobs, new SpillingBulkSearch(spill, 1_000), clock);
        }

        @Test
        void aScanJobSearchesInBoundedMemoryBySpillingToDisk() throws IOException {
            savedContact("Lee Chan", "lee@chan.io");
            savedContact("Chan Lee", "lee@chan.io");
            Path notADirectory = Files.createFile(spill.resolve("not-a-directory"));
            BulkScans cannotSpill = new BulkScans(search, jobs, new SpillingBulkSearch(notADirectory, 1_000), clock);
            ScanJob job = cannotSpill.start(TENANT);

            assertThrows(SpillFailedException.class, () -> cannotSpill.run(job));

            assertInstanceOf(ScanJob.Failed.class, cannotSpill.find(TENANT, job.id()).orElseThrow().outcome());
        }

        @Test
        void aScanJobEndsDoneWithWhatTheScanFoundAndItsGroupsStored() {
            savedContact("Lee Chan", "lee@chan.io");
            savedContact("Chan Lee", "lee@chan.io");

            ScanJob ended = scans.run(scans.start(TENANT));

            ScanJob.Done done = assertInstanceOf(ScanJob.Done.class, ended.outcome());
            assertEquals(1, done.summary().groups());
            assertEquals(Optional.of(ended), scans.find(TENANT, ended.id()));
            assertEquals(1, search.groups(TENANT).size());
        }

        @Test
        void aTenantRunsOneScanAtATimeAndTheSecondIsToldWhichRuns() {
            ScanJob running = scans.start(TENANT);

            ScanAlreadyRunningException refused = assertThrows(ScanAlreadyRunningException.class,
                    () -> scans.start(TENANT));

            assertEquals(running.id(), refused.running());
            scans.run(running);
            assertInstanceOf(ScanJob.Running.class, scans.start(TENANT).outcome(), "free again once it ended");
        }

        @Test
        void aScanLeftRunningByAStoppedProcessEndsInterruptedOnceItsLeaseRanOut() {
            ScanJob left = scans.start(TENANT);
            assertEquals(0, scans.interruptLeftRunning(TENANT), "within its lease it may be another process's");

            clock.advance(BulkScans.LEASE.plusSeconds(1));

            assertEquals(1, scans.interruptLeftRunning(TENANT));
            assertInstanceOf(ScanJob.Interrupted.class, scans.find(TENANT, left.id()).orElseThrow().outcome());
        }

        @Test
        void aTenantWhoseRunningScansLeaseRanOutMayStartAnother() {
            ScanJob left = scans.start(TENANT);
            clock.advance(BulkScans.LEASE.plusSeconds(1));

            ScanJob again = scans.start(TENANT);

            assertInstanceOf(ScanJob.Running.class, again.outcome());
            assertInstanceOf(ScanJob.Interrupted.class, scans.find(TENANT, left.id()).orElseThrow().outcome());
        }
    }
}
