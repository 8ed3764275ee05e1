package org.dedup.domain.control;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.dedup.domain.testing.LeadBuilder.anIncomingLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.domain.control.Decision;
import org.dedup.domain.merge.AfterUnmerge;
import org.dedup.domain.merge.ManualMerge;
import org.dedup.domain.merge.Merges;
import org.dedup.domain.merge.SurvivorshipPolicy;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.PipelineStage;
import org.dedup.domain.model.SourceChannel;
import org.dedup.domain.search.RecordPair;
import org.dedup.domain.testing.DuplicateControlFixture;
import org.dedup.domain.testing.KommoMethods;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Duplicate control never merges two leads a person marked "not a duplicate", nor leads an unmerge separated. */
class NotADuplicateTest {
    private final DuplicateControlFixture fixture = new DuplicateControlFixture();

    private Lead storedInIncomingStage(String name) {
        return fixture.stored(aLead().withContactName(name).inStage(PipelineStage.incoming("sales")));
    }

    /** The lead stored again as its next version, which runs the BIG DATA check of an update. */
    private Decision updated(Lead lead) {
        return fixture.control.update(fixture.reload(lead).touched(fixture.clock.instant()));
    }

    @Nested
    class BigData {
        @Test
        void anUpdateNeverMergesALeadIntoALeadMarkedNotADuplicateOfIt() {
            fixture.enable(KommoMethods.BIG_DATA);
            Lead first = storedInIncomingStage("Ivan Petrov");
            Lead second = storedInIncomingStage("Petrov Ivan");
            fixture.marks.mark(TENANT, new RecordPair(first.id(), second.id()));

            assertInstanceOf(Decision.Updated.class, updated(second));
            assertEquals(2, fixture.leads.count(TENANT));
        }

        @Test
        void aMarkWithOneDuplicateLeavesTheOtherDuplicatesMergeable() {
            fixture.enable(KommoMethods.BIG_DATA);
            Lead marked = storedInIncomingStage("Ivan Petrov");
            Lead other = storedInIncomingStage("Ivan Petrov");
            Lead changed = storedInIncomingStage("Petrov Ivan");
            fixture.marks.mark(TENANT, new RecordPair(marked.id(), changed.id()));

            Decision.Merged merged = assertInstanceOf(Decision.Merged.class, updated(changed));

            assertEquals(List.of(other.id()), merged.mergedInto());
        }

        @Test
        void theMarksOfAMergedAwayLeadFollowItsSurvivor() {
            fixture.enable(KommoMethods.BIG_DATA);
            Lead marked = storedInIncomingStage("Ivan Petrov");
            Lead absorbed = storedInIncomingStage("Ivan Petrov");
            Lead survivor = storedInIncomingStage("Petrov Ivan");
            fixture.marks.mark(TENANT, new RecordPair(marked.id(), absorbed.id()));
            new ManualMerge(fixture.ports.merging(),
                    new Merges(fixture.ports.merging(), fixture.matchers, fixture.clock))
                    .merge(new ManualMerge.Request(TENANT, List.of(survivor.id(), absorbed.id()), survivor.id(),
                            Map.of(), SurvivorshipPolicy.newestWins()));

            assertInstanceOf(Decision.Updated.class, updated(marked), "the survivor holds what was marked apart");
            assertTrue(fixture.marks.all(TENANT).contains(new RecordPair(marked.id(), survivor.id())));
        }
    }

    @Nested
    class Unmerge {
        /** A web-form lead merged by BIG DATA right after it was added; the journal's merge of it. */
        private Decision.Merged mergedAfterAdd(Lead existing) {
            fixture.enable(KommoMethods.BIG_DATA);
            Decision.Merged merged = assertInstanceOf(Decision.Merged.class, fixture.control.receive(
                    anIncomingLead().from(SourceChannel.WEB_FORM).withContactName("Ivan Petrov").incoming()));
            assertEquals(List.of(existing.id()), merged.mergedInto());
            return merged;
        }

        private LeadId restoredBy(Decision.Merged merged) {
            return fixture.journal.find(TENANT, merged.merges().getFirst()).orElseThrow().absorbed().getFirst().id();
        }

        @Test
        void anUnmergedPairIsNotMergedAgainAtTheNextBigDataCheck() {
            Lead existing = storedInIncomingStage("Ivan Petrov");
            Decision.Merged merged = mergedAfterAdd(existing);
            fixture.unmerger.unmerge(TENANT, merged.merges().getFirst());
            Lead restored = fixture.leads.find(TENANT, restoredBy(merged)).orElseThrow();

            assertInstanceOf(Decision.Updated.class, updated(restored));
            assertInstanceOf(Decision.Updated.class, updated(existing));
            assertEquals(2, fixture.leads.count(TENANT));
        }

        @Test
        void anUnmergeMarksTheSurvivorAndTheRestoredLeadNotADuplicate() {
            Lead existing = storedInIncomingStage("Ivan Petrov");
            Decision.Merged merged = mergedAfterAdd(existing);

            fixture.unmerger.unmerge(TENANT, merged.merges().getFirst());

            assertEquals(Set.of(new RecordPair(existing.id(), restoredBy(merged))), fixture.marks.all(TENANT));
        }

        @Test
        void anUnmergeLeftUnmarkedMayBeMergedAgain() {
            Lead existing = storedInIncomingStage("Ivan Petrov");
            Decision.Merged merged = mergedAfterAdd(existing);
            fixture.unmerger.unmerge(TENANT, merged.merges().getFirst(), AfterUnmerge.LEAVE_UNMARKED);
            Lead restored = fixture.leads.find(TENANT, restoredBy(merged)).orElseThrow();

            assertTrue(fixture.marks.all(TENANT).isEmpty());
            assertInstanceOf(Decision.Merged.class, updated(restored));
        }
    }
}
