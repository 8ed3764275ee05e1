package org.dedup.domain.party;

import java.util.Optional;

import org.dedup.domain.merge.MergeId;
import org.dedup.domain.model.Party;
import org.dedup.domain.model.TenantId;

/** Port: the journal of contact and company merges, written in the merge's transaction, per tenant. */
public interface PartyMergeJournal {

    void append(PartyMergeEntry<?> entry);

    /** The entry of a merge of records of {@code type}; empty when there is none (or it merged another kind). */
    <P extends Party> Optional<PartyMergeEntry<P>> find(TenantId tenant, MergeId id, Class<P> type);

    /** Replaces the state of an entry (APPLIED to UNDONE); the images never change. */
    void markUndone(TenantId tenant, MergeId id);
}
