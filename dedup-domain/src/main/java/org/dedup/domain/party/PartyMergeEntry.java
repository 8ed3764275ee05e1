package org.dedup.domain.party;

import java.time.Instant;
import java.util.List;

import org.dedup.domain.merge.FieldProvenance;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.MergeState;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.Party;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;

/**
 * One merge of contacts or companies with everything needed to undo it: every merged record as it was (the survivor
 * first), the survivor after the merge, the leads that followed an absorbed record to the survivor as they were and
 * as the merge left them, and per-field provenance. {@code incoming} records were never stored (duplicate control
 * on add absorbed them); unmerge stores them as their own records.
 */
public record PartyMergeEntry<P extends Party>(MergeId id, TenantId tenant, Instant at, RecordKind kind,
                                               List<P> before, P after, List<P> incoming, List<Lead> leadsBefore,
                                               List<Lead> leadsAfter, List<FieldProvenance> provenance,
                                               MergeState state) {
    public PartyMergeEntry {
        Require.nonNull(id, "merge id");
        Require.nonNull(tenant, "tenant");
        Require.nonNull(at, "merge time");
        Require.nonNull(kind, "record kind");
        before = Require.copy(before, "records before the merge");
        Require.nonNull(after, "survivor after the merge");
        incoming = Require.copy(incoming, "incoming records");
        leadsBefore = Require.copy(leadsBefore, "leads before the merge");
        leadsAfter = Require.copy(leadsAfter, "leads after the merge");
        provenance = Require.copy(provenance, "provenance");
        Require.nonNull(state, "merge state");
        if (before.isEmpty() || !before.getFirst().id().equals(after.id()) || after.id().kind() != kind) {
            throw new InvalidRecordException("a " + kind + " merge entry starts with the survivor's before-image");
        }
        if (leadsBefore.size() != leadsAfter.size()) {
            throw new InvalidRecordException("a merge entry has an after-image for every lead it changed");
        }
    }

    public PartyMergeEntry<P> undone() {
        return new PartyMergeEntry<>(id, tenant, at, kind, before, after, incoming, leadsBefore, leadsAfter,
                provenance, MergeState.UNDONE);
    }

    /** The stored records the merge removed (every one but the survivor). */
    public List<P> absorbed() {
        return before.subList(1, before.size());
    }
}
