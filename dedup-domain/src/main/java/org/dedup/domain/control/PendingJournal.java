package org.dedup.domain.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.MergeJournal;
import org.dedup.domain.merge.MergeJournalEntry;
import org.dedup.domain.model.TenantId;

/** The journal entries of a batch of arrivals, appended to the journal together when the batch flushes. */
final class PendingJournal implements MergeJournal {
    private final MergeJournal journal;
    private final List<MergeJournalEntry> pending = new ArrayList<>();

    PendingJournal(MergeJournal journal) {
        this.journal = journal;
    }

    @Override
    public void append(MergeJournalEntry entry) {
        pending.add(entry);
    }

    @Override
    public Optional<MergeJournalEntry> find(TenantId tenant, MergeId id) {
        return pendingEntry(tenant, id).or(() -> journal.find(tenant, id));
    }

    @Override
    public void markUndone(TenantId tenant, MergeId id) {
        pendingEntry(tenant, id).ifPresentOrElse(entry -> pending.set(pending.indexOf(entry), entry.undone()),
                () -> journal.markUndone(tenant, id));
    }

    private Optional<MergeJournalEntry> pendingEntry(TenantId tenant, MergeId id) {
        return pending.stream().filter(e -> e.tenant().equals(tenant) && e.id().equals(id)).findFirst();
    }

    @Override
    public List<MergeJournalEntry> recent(TenantId tenant, int limit) {
        List<MergeJournalEntry> recent = new ArrayList<>(pending.reversed().stream()
                .filter(e -> e.tenant().equals(tenant)).limit(limit).toList());
        recent.addAll(journal.recent(tenant, limit - recent.size()));
        return recent;
    }

    void flush() {
        journal.appendAll(pending);
    }
}
