package org.dedup.domain.event;

import static org.dedup.domain.testing.LeadBuilder.T0;
import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DecisionLog;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.Verdict;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.MergeJournalEntry;
import org.dedup.domain.merge.MergeKind;
import org.dedup.domain.merge.MergeState;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.search.ScanJob;
import org.dedup.domain.testing.InMemoryDecisionLog;
import org.dedup.domain.testing.InMemoryEventOutbox;
import org.dedup.domain.testing.InMemoryMergeJournal;
import org.dedup.domain.testing.InMemoryScanJobs;
import org.dedup.domain.testing.InMemoryTransactor;
import org.dedup.domain.testing.MutableClock;
import org.dedup.domain.testing.KommoMethods;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each change that tells of itself adds its event to the outbox, and the others add none. */
class PublishedEventsTest {
    private final InMemoryEventOutbox outbox = new InMemoryEventOutbox();
    private final InMemoryTransactor transactor = new InMemoryTransactor();

    private List<String> types() {
        return outbox.added().stream().map(e -> e.data().type()).toList();
    }

    @Nested
    class Merges {
        private final PublishingMergeJournal journal = new PublishingMergeJournal(new InMemoryMergeJournal(), outbox,
                transactor, new MutableClock(T0.plusSeconds(60)));
        private final Lead survivor = aLead().withEmail("j@x.io").build();
        private final Lead absorbed = aLead().withEmail("k@x.io").build();
        private final MergeJournalEntry entry = new MergeJournalEntry(MergeId.random(), TENANT, T0, MergeKind.MANUAL,
                survivor, survivor.touched(T0), List.of(absorbed), List.of(), List.of(), List.of(), MergeState.APPLIED);

        @Test
        void aJournaledMergeTellsLeadMergedWithTheSurvivorAndTheAbsorbedLeads() {
            journal.append(entry);

            DomainEvent event = outbox.added().getFirst();
            assertEquals(new EventData.LeadMerged(entry.id(), survivor.id(), List.of(absorbed.id()), MergeKind.MANUAL),
                    event.data());
            assertEquals(T0, event.at());
            assertEquals(Map.of("merge", entry.id().value().toString(), "survivor", survivor.id().value().toString(),
                    "absorbed", List.of(absorbed.id().value().toString()), "by", "manual"), event.data().attributes());
        }

        @Test
        void anEntryUndoneWithinItsBatchTellsNothing() {
            journal.appendAll(List.of(entry.undone()));

            assertEquals(List.of(), types());
        }

        @Test
        void anUndoTellsMergeUndone() {
            journal.append(entry);

            journal.markUndone(TENANT, entry.id());

            assertEquals(List.of("lead.merged", "merge.undone"), types());
            assertEquals(new EventData.MergeUndone(entry.id(), survivor.id(), List.of(absorbed.id())),
                    outbox.added().getLast().data());
            assertEquals(T0.plusSeconds(60), outbox.added().getLast().at(), "when it was undone");
        }
    }

    @Nested
    class Decisions {
        private final DecisionLog log = new PublishingDecisionLog(new InMemoryDecisionLog(), outbox, transactor);
        private final LeadId candidate = LeadId.random();
        private final List<MatchCandidate> candidates = List.of(new MatchCandidate(candidate, KommoMethods.BIG_DATA,
                Verdict.POSSIBLE_DUPLICATE, 0.7, List.of()));

        @Test
        void aDecisionLeftForReviewTellsReviewOpenedWithItsCandidates() {
            LeadId lead = LeadId.random();

            log.record(TENANT, new Decision.PendingReview(lead, candidates, List.of()), T0);
            log.record(TENANT, new Decision.SkippedTooManyMatches(lead, 3, candidates, List.of()), T0);

            assertEquals(List.of(new EventData.DuplicatesToReview(lead, "pending_review", List.of(candidate)),
                    new EventData.DuplicatesToReview(lead, "too_many_matches", List.of(candidate))),
                    outbox.added().stream().map(DomainEvent::data).toList());
        }

        @Test
        void otherDecisionsTellNothing() {
            log.record(TENANT, new Decision.Created(LeadId.random(), candidates, List.of()), T0);
            log.recordAll(List.of(new DecisionLog.Recording(TENANT, java.util.Optional.empty(),
                    new Decision.Updated(LeadId.random(), List.of(), List.of()), T0)));

            assertEquals(List.of(), types());
        }
    }

    @Nested
    class Scans {
        private final PublishingScanJobStore jobs = new PublishingScanJobStore(new InMemoryScanJobs(), outbox,
                transactor);

        @Test
        void aScanThatFoundGroupsTellsItFinishedAndOpensThemForReview() {
            ScanJob job = ScanJob.running(TENANT, T0);
            jobs.startUnlessRunning(job);

            jobs.end(job.ended(new ScanJob.Done(T0.plusSeconds(5), new ScanJob.Summary(40, 60, 780, 3, List.of()))));

            assertEquals(List.of(new EventData.ScanFinished(job.id(), "done", 40, 3),
                    new EventData.GroupsToReview(job.id(), 3)), outbox.added().stream().map(DomainEvent::data).toList());
        }

        @Test
        void aScanWithoutGroupsOrAFailedOneOnlyTellsItFinished() {
            ScanJob empty = ScanJob.running(TENANT, T0);
            jobs.startUnlessRunning(empty);
            jobs.end(empty.ended(new ScanJob.Done(T0, new ScanJob.Summary(40, 60, 780, 0, List.of()))));
            ScanJob failed = ScanJob.running(TENANT, T0);
            jobs.startUnlessRunning(failed);
            jobs.end(failed.ended(new ScanJob.Failed(T0, "the scan failed")));

            assertEquals(List.of("scan.finished", "scan.finished"), types());
        }
    }
}
