package org.dedup.domain.control;

import static org.dedup.domain.testing.LeadBuilder.T0;
import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.MergeJournalEntry;
import org.dedup.domain.merge.MergeKind;
import org.dedup.domain.merge.MergeState;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.testing.InMemoryMergeJournal;
import org.junit.jupiter.api.Test;

/** A batch's journal entries: readable and undoable before they reach the journal, appended together after. */
class PendingJournalTest {
    private final InMemoryMergeJournal journal = new InMemoryMergeJournal();
    private final PendingJournal pending = new PendingJournal(journal);

    private static MergeJournalEntry anEntry(Instant at) {
        Lead before = aLead().withEmail("jane@x.io").build();
        return new MergeJournalEntry(MergeId.random(), TENANT, at, MergeKind.DUPLICATE_CONTROL, before,
                before.touched(at), List.of(), List.of(), List.of(), List.of(), MergeState.APPLIED);
    }

    @Test
    void pendingEntriesAreReadAndUndoneBeforeTheyAreAppendedAndAppendedOnFlush() {
        MergeJournalEntry stored = anEntry(T0);
        journal.append(stored);
        MergeJournalEntry first = anEntry(T0.plus(Duration.ofMinutes(1)));
        MergeJournalEntry second = anEntry(T0.plus(Duration.ofMinutes(2)));
        pending.append(first);
        pending.append(second);
        pending.markUndone(TENANT, first.id());

        assertEquals(first.undone(), pending.find(TENANT, first.id()).orElseThrow());
        assertEquals(List.of(second, first.undone(), stored), pending.recent(TENANT, 10));
        assertTrue(journal.find(TENANT, second.id()).isEmpty(), "nothing appended before the flush");
        assertTrue(pending.find(new TenantId("globex"), second.id()).isEmpty());

        pending.flush();

        assertEquals(second, journal.find(TENANT, second.id()).orElseThrow());
        assertEquals(MergeState.UNDONE, journal.find(TENANT, first.id()).orElseThrow().state());
    }
}
