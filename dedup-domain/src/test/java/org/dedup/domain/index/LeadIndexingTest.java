package org.dedup.domain.index;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.dedup.domain.testing.LeadBuilder.anIncomingLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.dedup.domain.control.Decision;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.testing.DuplicateControlFixture;
import org.dedup.domain.testing.KommoMethods;
import org.dedup.domain.testing.LeadBuilder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Leads indexed for the methods their tenant enables, and the reindex when it enables another. */
class LeadIndexingTest {
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final TenantId OTHER = new TenantId("other");
    private final DuplicateControlFixture fixture = new DuplicateControlFixture();
    private final DuplicateControlSettings emailOnly = DuplicateControlSettings.defaults()
            .withMethods(Set.of(MatchMethod.EMAIL));
    private final DuplicateControlSettings emailAndPixel = DuplicateControlSettings.defaults()
            .withMethods(Set.of(MatchMethod.EMAIL, KommoMethods.TRACKING_PIXEL));

    private LeadIndexing indexing(int pageSize) {
        return new LeadIndexing(fixture.leads, fixture.settings, fixture.indexJobs, fixture.matchers,
                fixture.transactor, fixture.clock, SETTLE, pageSize);
    }

    private Set<String> namespaces(Lead lead) {
        return fixture.leads.keysOf(lead.tenant(), lead.id()).stream().map(MatchKey::namespace)
                .collect(Collectors.toSet());
    }

    private Set<MatchKey> keysOf(MatchMethod method, Lead lead) {
        return fixture.matchers.methodKeys(method, fixture.matchers.profile(lead,
                fixture.settings.settings(lead.tenant()).standardization()), new ArrayList<>());
    }

    private boolean indexedFor(MatchMethod method, Lead lead) {
        Set<MatchKey> keys = keysOf(method, lead);
        return !keys.isEmpty() && fixture.leads.keysOf(lead.tenant(), lead.id()).containsAll(keys);
    }

    private static LeadBuilder aPerson(int i) {
        return aLead().withContactName("Person " + i).withEmail("p" + i + "@x.io").withPhone("+1 415 555 " + (1000 + i))
                .withPixel("px-" + i);
    }

    @Nested
    class WhatALeadIsIndexedUnder {
        @Test
        void aLeadIsIndexedOnlyForTheMethodsItsTenantEnables() {
            fixture.enable(MatchMethod.EMAIL);

            Lead lead = fixture.stored(aPerson(1));

            assertTrue(indexedFor(MatchMethod.EMAIL, lead));
            assertFalse(indexedFor(KommoMethods.BIG_DATA, lead));
            assertFalse(indexedFor(KommoMethods.TRACKING_PIXEL, lead));
        }

        @Test
        void checkOnSaveKeysAndCompanyLinksAreKeptWhateverTheMethods() {
            fixture.enable(MatchMethod.EMAIL);

            Lead lead = fixture.stored(aPerson(1).withCompany("Acme", "acme.io"));

            assertTrue(namespaces(lead).containsAll(Set.of("rule_email", "rule_phone", "rule_full_name", "link")),
                    "check on save probes the duplicate-search keys of every tenant: " + namespaces(lead));
        }

        @Test
        void anArrivalAndAnUpdateIndexTheLeadForTheEnabledMethodsOnly() {
            fixture.enable(MatchMethod.EMAIL);

            Decision created = fixture.control.receive(aPerson(1).incoming());
            Lead stored = fixture.leads.find(TENANT, created.lead()).orElseThrow();
            fixture.control.update(stored.withName("Renamed").touched(fixture.clock.instant()));
            Lead updated = fixture.reload(stored);

            assertTrue(indexedFor(MatchMethod.EMAIL, stored));
            assertFalse(indexedFor(KommoMethods.TRACKING_PIXEL, stored));
            assertTrue(indexedFor(MatchMethod.EMAIL, updated));
            assertFalse(indexedFor(KommoMethods.TRACKING_PIXEL, updated));
        }
    }

    @Nested
    class EnablingAMethod {
        @Test
        void enablingAMethodStartsAReindexAndNamesItNotIndexedUntilItEnds() {
            fixture.enable(MatchMethod.EMAIL);
            Lead old = fixture.stored(aPerson(1));
            LeadIndexing indexing = indexing(LeadIndexing.PAGE);

            indexing.settingsChanging(TENANT, emailOnly, emailAndPixel);
            fixture.settings.saveSettings(TENANT, emailAndPixel);

            IndexJob job = fixture.indexJobs.find(TENANT, KommoMethods.TRACKING_PIXEL).orElseThrow();
            assertEquals(IndexState.INDEXING, job.state());
            assertEquals(1, job.leadsTotal());
            assertEquals(Set.of(KommoMethods.TRACKING_PIXEL), indexing.notIndexed(TENANT, emailAndPixel));
            assertFalse(indexedFor(KommoMethods.TRACKING_PIXEL, old));

            fixture.clock.advance(SETTLE);
            while (indexing.indexNextPage()) {
                // every page
            }

            assertTrue(indexedFor(KommoMethods.TRACKING_PIXEL, old));
            IndexJob done = fixture.indexJobs.find(TENANT, KommoMethods.TRACKING_PIXEL).orElseThrow();
            assertEquals(List.of(IndexState.INDEXED, 1L), List.of(done.state(), done.leadsIndexed()));
            assertEquals(Set.of(), indexing.notIndexed(TENANT, emailAndPixel));
        }

        @Test
        void aLeadWithAnOldLeadsPixelMergesOnceThePixelMethodIsReindexed() {
            fixture.enable(MatchMethod.EMAIL);
            Lead old = fixture.stored(aLead().withEmail("old@x.io").withPixel("px-old"));

            fixture.configure(emailAndPixel);

            Decision decision = fixture.control.receive(anIncomingLead().withPixel("px-old").incoming());
            assertEquals(List.of(old.id()), assertInstanceOf(Decision.Merged.class, decision).mergedInto());
        }

        @Test
        void enablingThePhoneMethodNeedsNoReindexItsKeysBeingTheDuplicateSearchKeys() {
            fixture.enable(MatchMethod.EMAIL);
            Lead old = fixture.stored(aLead().withEmail("old@x.io").withPhone("+1 415 555 2671"));

            fixture.tenantSettings.save(TENANT, emailOnly.withMethods(Set.of(MatchMethod.EMAIL, MatchMethod.PHONE)));

            assertTrue(indexedFor(MatchMethod.PHONE, old));
            Decision decision = fixture.control.receive(anIncomingLead().withPhone("(415) 555-2671").incoming());
            assertEquals(List.of(old.id()), assertInstanceOf(Decision.Merged.class, decision).mergedInto());
        }

        @Test
        void savingSettingsThatEnableNoNewMethodStartsNoReindex() {
            fixture.enable(MatchMethod.EMAIL, KommoMethods.TRACKING_PIXEL);
            fixture.stored(aPerson(1));
            List<IndexJob> before = fixture.indexJobs.jobs(TENANT);

            fixture.tenantSettings.save(TENANT, emailAndPixel.withMergeLimit(5));

            assertEquals(before, fixture.indexJobs.jobs(TENANT));
        }

        @Test
        void aReindexWaitsUntilEveryWriterSeesTheSettingsThatEnableTheMethod() {
            fixture.enable(MatchMethod.EMAIL);
            fixture.stored(aPerson(1));
            LeadIndexing indexing = indexing(LeadIndexing.PAGE);
            indexing.settingsChanging(TENANT, emailOnly, emailAndPixel);
            fixture.settings.saveSettings(TENANT, emailAndPixel);

            assertFalse(indexing.indexNextPage(), "not due before the settle time");
            fixture.clock.advance(SETTLE);
            assertTrue(indexing.indexNextPage());
        }

        @Test
        void anArrivalDuringTheReindexIsIndexedForTheNewMethod() {
            fixture.enable(MatchMethod.EMAIL);
            fixture.stored(aPerson(1));
            indexing(LeadIndexing.PAGE).settingsChanging(TENANT, emailOnly, emailAndPixel);
            fixture.settings.saveSettings(TENANT, emailAndPixel);

            Decision created = fixture.control.receive(aPerson(2).incoming());

            assertTrue(indexedFor(KommoMethods.TRACKING_PIXEL, fixture.leads.find(TENANT, created.lead()).orElseThrow()));
        }

        @Test
        void disablingAMethodRemovesItsReindex() {
            fixture.enable(MatchMethod.EMAIL);
            fixture.stored(aPerson(1));
            LeadIndexing indexing = indexing(LeadIndexing.PAGE);
            indexing.settingsChanging(TENANT, emailOnly, emailAndPixel);

            indexing.settingsChanging(TENANT, emailAndPixel, emailOnly);

            assertEquals(Optional.empty(), fixture.indexJobs.find(TENANT, KommoMethods.TRACKING_PIXEL));
        }

        @Test
        void aReindexOfAMethodTheTenantNoLongerEnablesIsDropped() {
            fixture.enable(MatchMethod.EMAIL);
            Lead old = fixture.stored(aPerson(1));
            LeadIndexing indexing = indexing(LeadIndexing.PAGE);
            indexing.settingsChanging(TENANT, emailOnly, emailAndPixel);
            // the settings were never saved: the process stopped between the job and the save

            fixture.clock.advance(SETTLE);
            assertTrue(indexing.indexNextPage());

            assertEquals(Optional.empty(), fixture.indexJobs.find(TENANT, KommoMethods.TRACKING_PIXEL));
            assertFalse(indexedFor(KommoMethods.TRACKING_PIXEL, old));
        }
    }

    @Nested
    class Durability {
        @Test
        void aRestartedReindexResumesAfterTheLastPageIndexed() {
            fixture.enable(MatchMethod.EMAIL);
            List<Lead> old = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                old.add(fixture.stored(aPerson(i)));
            }
            indexing(2).settingsChanging(TENANT, emailOnly, emailAndPixel);
            fixture.settings.saveSettings(TENANT, emailAndPixel);
            fixture.clock.advance(SETTLE);
            assertTrue(indexing(2).indexNextPage());
            IndexJob stopped = fixture.indexJobs.find(TENANT, KommoMethods.TRACKING_PIXEL).orElseThrow();
            List<LeadId> inOrder = old.stream().map(Lead::id).sorted(LeadId.STORE_ORDER).toList();
            assertEquals(List.of(Optional.of(inOrder.get(1)), 2L), List.of(stopped.after(), stopped.leadsIndexed()));

            LeadIndexing afterRestart = indexing(2);
            while (afterRestart.indexNextPage()) {
                // every page left
            }

            IndexJob done = fixture.indexJobs.find(TENANT, KommoMethods.TRACKING_PIXEL).orElseThrow();
            assertEquals(List.of(IndexState.INDEXED, 5L), List.of(done.state(), done.leadsIndexed()),
                    "each lead indexed once: the pages after the restart begin after the last one indexed");
            old.forEach(lead -> assertTrue(indexedFor(KommoMethods.TRACKING_PIXEL, lead)));
        }

        @Test
        void aPageOfAnEarlierRunNeverOverwritesTheJobStartedAgain() {
            fixture.enable(MatchMethod.EMAIL);
            fixture.stored(aPerson(1));
            LeadIndexing indexing = indexing(LeadIndexing.PAGE);
            indexing.settingsChanging(TENANT, emailOnly, emailAndPixel);
            IndexJob first = fixture.indexJobs.find(TENANT, KommoMethods.TRACKING_PIXEL).orElseThrow();
            indexing.settingsChanging(TENANT, emailOnly, emailAndPixel);

            assertFalse(fixture.indexJobs.advance(first, first.finished(1, fixture.clock.instant())));
            assertEquals(IndexState.INDEXING, fixture.indexJobs.find(TENANT, KommoMethods.TRACKING_PIXEL).orElseThrow().state());
        }

        @Test
        void aLeadChangedSinceThePageWasReadKeepsTheKeysItsWriterGave() {
            fixture.enable(MatchMethod.EMAIL);
            Lead read = fixture.stored(aPerson(1));
            Lead changed = read.withName("Changed").touched(fixture.clock.instant());
            fixture.leads.update(changed, Set.of());

            fixture.leads.addKeys(TENANT, List.of(new org.dedup.domain.store.LeadRepository.IndexedLead(read,
                    keysOf(KommoMethods.TRACKING_PIXEL, read))));

            assertEquals(Set.of(), fixture.leads.keysOf(TENANT, read.id()));
        }
    }

    @Nested
    class Tenants {
        @Test
        void aReindexNeverTouchesAnotherTenantsLeads() {
            fixture.enable(MatchMethod.EMAIL);
            fixture.settings.saveSettings(OTHER, emailOnly);
            Lead ours = fixture.stored(aPerson(1));
            Lead theirs = fixture.stored(aPerson(1).in(OTHER));
            Set<MatchKey> theirKeys = fixture.leads.keysOf(OTHER, theirs.id());

            fixture.configure(emailAndPixel);

            assertTrue(indexedFor(KommoMethods.TRACKING_PIXEL, ours));
            assertEquals(theirKeys, fixture.leads.keysOf(OTHER, theirs.id()));
            assertEquals(List.of(), fixture.indexJobs.jobs(OTHER));
        }
    }
}
