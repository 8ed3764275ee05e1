package org.dedup.domain.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.dedup.domain.merge.MergeId;
import org.dedup.domain.model.Party;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.party.PartyMergeEntry;
import org.dedup.domain.party.PartyMergeJournal;

public final class InMemoryPartyMergeJournal implements PartyMergeJournal {
    private final Map<MergeId, PartyMergeEntry<?>> entries = new LinkedHashMap<>();

    @Override
    public synchronized void append(PartyMergeEntry<?> entry) {
        entries.put(entry.id(), entry);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <P extends Party> Optional<PartyMergeEntry<P>> find(TenantId tenant, MergeId id, Class<P> type) {
        return Optional.ofNullable(entries.get(id))
                .filter(e -> e.tenant().equals(tenant) && type.isInstance(e.after()))
                .map(e -> (PartyMergeEntry<P>) e);
    }

    @Override
    public synchronized void markUndone(TenantId tenant, MergeId id) {
        PartyMergeEntry<?> entry = entries.get(id);
        if (entry != null && entry.tenant().equals(tenant)) {
            entries.put(id, entry.undone());
        }
    }
}
