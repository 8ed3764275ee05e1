package org.dedup.domain.merge;

import java.util.List;
import java.util.Optional;

import org.dedup.domain.model.TenantId;

/** Port: the journal of merges. Entries are written in the same transaction as the merge they describe. */
public interface MergeJournal {

    void append(MergeJournalEntry entry);

    /** Several {@link #append}s, in as few round trips as the store allows. */
    default void appendAll(List<MergeJournalEntry> entries) {
        entries.forEach(this::append);
    }

    Optional<MergeJournalEntry> find(TenantId tenant, MergeId id);

    /** Replaces the state of an entry (APPLIED to UNDONE); the images never change. */
    void markUndone(TenantId tenant, MergeId id);

    /** The newest entries first, at most {@code limit}. */
    List<MergeJournalEntry> recent(TenantId tenant, int limit);
}
