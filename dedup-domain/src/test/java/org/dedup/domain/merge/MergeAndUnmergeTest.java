package org.dedup.domain.merge;


import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.dedup.domain.activity.Note;
import org.dedup.domain.activity.Task;
import org.dedup.domain.control.Decision;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatchContext;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.merge.FieldProvenance;
import org.dedup.domain.merge.ManualMerge;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.MergeJournalEntry;
import org.dedup.domain.merge.MergeState;
import org.dedup.domain.merge.Merges;
import org.dedup.domain.merge.SurvivorshipPolicy;
import org.dedup.domain.merge.SurvivorshipRule;
import org.dedup.domain.model.CustomFieldValue;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.SourceChannel;
import org.dedup.domain.settings.AfterMerge;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.LeadProfile;
import org.dedup.domain.store.StaleRecordException;
import org.dedup.domain.testing.DuplicateControlFixture;
import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.dedup.domain.testing.LeadBuilder.anIncomingLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MergeAndUnmergeTest {
    private final DuplicateControlFixture fixture = new DuplicateControlFixture();
    private final ManualMerge manualMerge = new ManualMerge(fixture.ports.merging(),
            new Merges(fixture.ports.merging(), fixture.matchers, fixture.clock));

    private static Lead withoutVersion(Lead lead) {
        return lead.withVersion(0, Instant.EPOCH);
    }

    @Test
    void unmergeOfADuplicateControlMergeRestoresTheExactPriorState() {
        fixture.configure(fixture.enable(MatchMethod.EMAIL)
                .withAfterMerge(new AfterMerge.CreateTask("Check", Duration.ofHours(1), "owner")));
        Lead existing = fixture.stored(aLead().withEmail("jane@x.io").withLeadField("budget", CustomFieldValue.text("5")));
        var keysBefore = fixture.leads.keysOf(TENANT, existing.id());

        Decision.Merged merged = assertInstanceOf(Decision.Merged.class, fixture.control.receive(anIncomingLead()
                .withEmail("jane@x.io").withPhone("+1 415 555 2671").withLeadField("budget", CustomFieldValue.text("9"))
                .incoming()));
        MergeJournalEntry undone = fixture.unmerger.unmerge(TENANT, merged.merges().getFirst()).undone();

        Lead restored = fixture.reload(existing);
        assertEquals(withoutVersion(existing), withoutVersion(restored));
        assertEquals(keysBefore, fixture.leads.keysOf(TENANT, existing.id()));
        assertTrue(fixture.activities.tasksOf(TENANT, existing.id()).isEmpty(), "the merge's task is removed");
        assertEquals(2, fixture.leads.count(TENANT), "the absorbed request exists again as its own lead");
        assertEquals(MergeState.UNDONE, fixture.journal.find(TENANT, undone.id()).orElseThrow().state());
    }

    @Test
    void manualMergeOfNLeadsRoundTripsThroughUnmerge() {
        Lead a = fixture.stored(aLead().withEmail("a@x.io").createdAt(Instant.parse("2025-01-01T00:00:00Z")));
        Lead b = fixture.stored(aLead().withEmail("b@x.io").named("Bigger deal"));
        Lead c = fixture.stored(aLead().withPhone("+1 415 555 2671").withLeadField("city", CustomFieldValue.text("Rome")));
        Lead d = fixture.stored(aLead().withEmail("d@x.io"));
        fixture.activities.add(new Task(UUID.randomUUID(), TENANT, c.id(), "Follow up", Instant.EPOCH, "me", Instant.EPOCH));
        fixture.activities.add(new Note(UUID.randomUUID(), TENANT, d.id(), "Met at fair", Instant.EPOCH));

        MergeId merge = manualMerge.merge(new ManualMerge.Request(TENANT, List.of(a.id(), b.id(), c.id(), d.id()),
                a.id(), Map.of("name", b.id()), SurvivorshipPolicy.newestWins())).merge();

        Lead survivor = fixture.reload(a);
        assertEquals(1, fixture.leads.count(TENANT));
        assertEquals("Bigger deal", survivor.name());
        assertEquals(CustomFieldValue.text("Rome"), survivor.customFields().get("city"));
        assertEquals(4, survivor.contacts().size(), "contact links move to the survivor");
        assertEquals(1, fixture.activities.tasksOf(TENANT, a.id()).size(), "tasks move to the survivor");
        assertEquals(1, fixture.activities.notesOf(TENANT, a.id()).size(), "notes move to the survivor");
        MergeJournalEntry entry = fixture.journal.find(TENANT, merge).orElseThrow();
        assertTrue(entry.provenance().contains(new FieldProvenance("name", "Bigger deal", b.id(), SurvivorshipRule.MANUAL)));

        fixture.unmerger.unmerge(TENANT, merge);

        for (Lead lead : List.of(a, b, c, d)) {
            assertEquals(withoutVersion(lead), withoutVersion(fixture.reload(lead)));
        }
        assertEquals(1, fixture.activities.tasksOf(TENANT, c.id()).size());
        assertEquals(1, fixture.activities.notesOf(TENANT, d.id()).size());
    }

    @Test
    void survivorshipRulesPickEachFieldAndRecordWhy() {
        Lead old = fixture.stored(aLead().named("Old name").from(SourceChannel.IMPORT)
                .createdAt(Instant.parse("2024-01-01T00:00:00Z")));
        Lead fresh = fixture.stored(aLead().named("New name").from(SourceChannel.CHAT)
                .withLeadField("city", CustomFieldValue.text("Oslo")).createdAt(Instant.parse("2026-01-01T00:00:00Z")));

        MergeId merge = manualMerge.merge(new ManualMerge.Request(TENANT, List.of(old.id(), fresh.id()), old.id(),
                Map.of(), new SurvivorshipPolicy(Map.of("name", SurvivorshipRule.OLDEST), SurvivorshipRule.NEWEST,
                        List.of(SourceChannel.values())))).merge();

        assertEquals("Old name", fixture.reload(old).name());
        assertTrue(fixture.journal.find(TENANT, merge).orElseThrow().provenance()
                .contains(new FieldProvenance("name", "Old name", old.id(), SurvivorshipRule.OLDEST)));
    }

    @Test
    void mostCompleteAndSourcePriorityRulesPickTheirRecordAndSayWhy() {
        Lead sparse = fixture.stored(aLead().named("Sparse").from(SourceChannel.IMPORT)
                .withLeadField("tier", CustomFieldValue.text("bronze")));
        Lead complete = fixture.stored(aLead().named("Complete").from(SourceChannel.WEB_FORM).withEmail("c@x.io")
                .withPhone("+1 415 555 2671").withLeadField("tier", CustomFieldValue.text("gold")));
        SurvivorshipPolicy policy = new SurvivorshipPolicy(Map.of("name", SurvivorshipRule.MOST_COMPLETE),
                SurvivorshipRule.SOURCE_PRIORITY, List.of(SourceChannel.IMPORT, SourceChannel.WEB_FORM));

        MergeId merge = manualMerge.merge(new ManualMerge.Request(TENANT, List.of(sparse.id(), complete.id()),
                sparse.id(), Map.of(), policy)).merge();

        Lead survivor = fixture.reload(sparse);
        assertEquals("Complete", survivor.name());
        assertEquals(CustomFieldValue.text("bronze"), survivor.customFields().get("tier"), "IMPORT ranks first");
        List<FieldProvenance> provenance = fixture.journal.find(TENANT, merge).orElseThrow().provenance();
        assertTrue(provenance.contains(new FieldProvenance("name", "Complete", complete.id(),
                SurvivorshipRule.MOST_COMPLETE)));
        assertTrue(provenance.contains(new FieldProvenance("custom.tier", "bronze", sparse.id(),
                SurvivorshipRule.SOURCE_PRIORITY)));
        assertTrue(provenance.contains(new FieldProvenance("contacts", "1", complete.id(), SurvivorshipRule.UNION)));
    }

    @Test
    void unmergeOfAManualMergeRestoresEveryLeadsKeys() {
        Lead a = fixture.stored(aLead().withEmail("a@x.io").withPixel("px-a"));
        Lead b = fixture.stored(aLead().withPhone("+1 415 555 2671"));
        Lead c = fixture.stored(aLead().withContactName("Zed Zane").withEmail("c@x.io"));
        Map<LeadId, Set<MatchKey>> keysBefore = Map.of(a.id(), fixture.leads.keysOf(TENANT, a.id()),
                b.id(), fixture.leads.keysOf(TENANT, b.id()), c.id(), fixture.leads.keysOf(TENANT, c.id()));

        MergeId merge = manualMerge.merge(new ManualMerge.Request(TENANT, List.of(a.id(), b.id(), c.id()), b.id(),
                Map.of(), SurvivorshipPolicy.newestWins())).merge();
        assertEquals(Set.of(), fixture.leads.keysOf(TENANT, a.id()), "absorbed leads are gone while merged");
        fixture.unmerger.unmerge(TENANT, merge);

        keysBefore.forEach((id, keys) -> assertEquals(keys, fixture.leads.keysOf(TENANT, id)));
    }

    @Test
    void unmergeIsRefusedWhenTheSurvivorChangedSinceTheMerge() {
        fixture.enable(MatchMethod.EMAIL);
        Lead existing = fixture.stored(aLead().withEmail("jane@x.io"));
        Decision.Merged merged = assertInstanceOf(Decision.Merged.class,
                fixture.control.receive(anIncomingLead().withEmail("jane@x.io").incoming()));
        Lead current = fixture.reload(existing);
        fixture.leads.update(current.withName("edited").touched(fixture.clock.instant()), Set.of());

        assertThrows(StaleRecordException.class, () -> fixture.unmerger.unmerge(TENANT, merged.merges().getFirst()));
    }

    @Nested
    class MatcherFailures {
        /** A matcher that cannot index a lead named "Unindexable", as a plugin whose model fails would. */
        private final Matcher failing = new Matcher() {
            @Override
            public MatchMethod method() {
                return new MatchMethod("fragile");
            }

            @Override
            public Set<MatchKey> indexKeys(LeadProfile stored) {
                if (stored.lead().name().equals("Unindexable")) {
                    throw new IllegalStateException("cannot index this lead");
                }
                return Set.of();
            }

            @Override
            public Set<MatchKey> probeKeys(LeadProfile incoming, MatchContext context) {
                return Set.of();
            }

            @Override
            public List<MatchCandidate> match(LeadProfile incoming, List<LeadProfile> candidates,
                                              MatchContext context) {
                return List.of();
            }
        };
        private final DuplicateControlFixture withFragile = new DuplicateControlFixture(failing);
        private final ManualMerge merging = new ManualMerge(withFragile.ports.merging(),
                new Merges(withFragile.ports.merging(), withFragile.matchers, withFragile.clock));

        /** A lead is indexed only for the methods its tenant enables: the fragile one is enabled here. */
        @BeforeEach
        void fragileMethodEnabled() {
            withFragile.enable(MatchMethod.EMAIL, new MatchMethod("fragile"));
        }

        @Test
        void aManualMergeReportsTheMatchersThatFailedOnTheSurvivor() {
            Lead a = withFragile.stored(aLead().withEmail("a@x.io").named("Unindexable"));
            Lead b = withFragile.stored(aLead().withEmail("b@x.io"));

            MergeResult merged = merging.merge(new ManualMerge.Request(TENANT, List.of(a.id(), b.id()), a.id(),
                    Map.of("name", a.id()), SurvivorshipPolicy.newestWins()));

            assertEquals(List.of(new MatchMethod("fragile")), merged.failures().stream().map(f -> f.method()).toList());
            assertTrue(merged.failures().getFirst().reason().contains("cannot index this lead"));
            assertEquals(1, withFragile.leads.count(TENANT), "the merge stands");
        }

        @Test
        void anUnmergeReportsTheMatchersThatFailedOnTheRestoredLeads() {
            Lead a = withFragile.stored(aLead().withEmail("a@x.io"));
            Lead b = withFragile.stored(aLead().withEmail("b@x.io").named("Unindexable"));
            MergeResult merged = merging.merge(new ManualMerge.Request(TENANT, List.of(a.id(), b.id()), a.id(),
                    Map.of("name", a.id()), SurvivorshipPolicy.newestWins()));
            assertEquals(List.of(), merged.failures());

            UnmergeResult undone = withFragile.unmerger.unmerge(TENANT, merged.merge());

            assertEquals(List.of(new MatchMethod("fragile")), undone.failures().stream().map(f -> f.method()).toList());
            assertEquals(MergeState.UNDONE, undone.undone().state());
            assertEquals(2, withFragile.leads.count(TENANT), "the leads are restored");
        }
    }

    @Test
    void aMergeNeedsTwoLeadsAndASurvivorAmongThem() {
        LeadId one = LeadId.random();
        assertThrows(InvalidRecordException.class, () -> new ManualMerge.Request(TENANT, List.of(one), one, Map.of(),
                SurvivorshipPolicy.newestWins()));
        assertThrows(InvalidRecordException.class, () -> new ManualMerge.Request(TENANT, List.of(one, LeadId.random()),
                LeadId.random(), Map.of(), SurvivorshipPolicy.newestWins()));
    }
}
