package org.dedup.domain.event;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.MergeJournal;
import org.dedup.domain.merge.MergeJournalEntry;
import org.dedup.domain.merge.MergeState;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.Transactor;

/**
 * The merge journal, telling of each lead merge ({@code lead.merged}) and each undo ({@code merge.undone}) through
 * the outbox in the transaction that writes the journal, which is the merge's own ({@link MergeJournal}: entries are
 * written in the transaction of the merge they describe).
 */
public final class PublishingMergeJournal implements MergeJournal {
    private final MergeJournal journal;
    private final EventOutbox outbox;
    private final Transactor transactor;
    private final Clock clock;

    public PublishingMergeJournal(MergeJournal journal, EventOutbox outbox, Transactor transactor, Clock clock) {
        this.journal = journal;
        this.outbox = outbox;
        this.transactor = transactor;
        this.clock = clock;
    }

    /** In the merge's transaction, as every journal entry is written (no savepoint of its own on the hot path). */
    @Override
    public void append(MergeJournalEntry entry) {
        journal.append(entry);
        outbox.add(merged(List.of(entry)));
    }

    /** In the merges' transaction, as {@link #append}. */
    @Override
    public void appendAll(List<MergeJournalEntry> entries) {
        journal.appendAll(entries);
        outbox.add(merged(entries));
    }

    @Override
    public Optional<MergeJournalEntry> find(TenantId tenant, MergeId id) {
        return journal.find(tenant, id);
    }

    @Override
    public void markUndone(TenantId tenant, MergeId id) {
        transactor.inTransaction(() -> {
            Optional<MergeJournalEntry> entry = journal.find(tenant, id);
            journal.markUndone(tenant, id);
            entry.ifPresent(undone -> outbox.add(List.of(DomainEvent.of(tenant, clock.instant(),
                    new EventData.MergeUndone(id, undone.survivorBefore().id(), absorbedIds(undone))))));
            return null;
        });
    }

    @Override
    public List<MergeJournalEntry> recent(TenantId tenant, int limit) {
        return journal.recent(tenant, limit);
    }

    /** Each merge that took effect; an entry of a batch already undone within the batch tells nothing. */
    private static List<DomainEvent> merged(List<MergeJournalEntry> entries) {
        return entries.stream().filter(entry -> entry.state() == MergeState.APPLIED)
                .map(entry -> DomainEvent.of(entry.tenant(), entry.at(), new EventData.LeadMerged(entry.id(),
                        entry.survivorAfter().id(), absorbedIds(entry), entry.kind())))
                .toList();
    }

    private static List<LeadId> absorbedIds(MergeJournalEntry entry) {
        return entry.absorbed().stream().map(Lead::id).toList();
    }
}
