package org.dedup.domain.testing;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.MergeJournal;
import org.dedup.domain.merge.MergeJournalEntry;
import org.dedup.domain.model.TenantId;

public final class InMemoryMergeJournal implements MergeJournal {
    private final Map<MergeId, MergeJournalEntry> entries = new LinkedHashMap<>();

    @Override
    public synchronized void append(MergeJournalEntry entry) {
        entries.put(entry.id(), entry);
    }

    @Override
    public synchronized Optional<MergeJournalEntry> find(TenantId tenant, MergeId id) {
        return Optional.ofNullable(entries.get(id)).filter(e -> e.tenant().equals(tenant));
    }

    @Override
    public synchronized void markUndone(TenantId tenant, MergeId id) {
        find(tenant, id).ifPresent(e -> entries.put(id, e.undone()));
    }

    @Override
    public synchronized List<MergeJournalEntry> recent(TenantId tenant, int limit) {
        return entries.values().stream().filter(e -> e.tenant().equals(tenant))
                .sorted(Comparator.comparing(MergeJournalEntry::at).reversed()).limit(limit).toList();
    }
}
