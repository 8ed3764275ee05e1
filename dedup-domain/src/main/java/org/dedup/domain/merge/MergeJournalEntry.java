package org.dedup.domain.merge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.dedup.domain.model.Lead;
import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;

/**
 * One merge with everything needed to undo it: the survivor before and after, the leads that ceased to exist
 * (stored leads absorbed by a manual merge, or the incoming request absorbed by duplicate control, kept under
 * the id it would have had), per-field provenance, moved activities and the tasks and notes the merge created.
 */
public record MergeJournalEntry(MergeId id, TenantId tenant, Instant at, MergeKind kind, Lead survivorBefore,
                                Lead survivorAfter, List<Lead> absorbed, List<FieldProvenance> provenance,
                                List<MovedActivity> moved, List<UUID> createdActivities,
                                MergeState state) {
    public MergeJournalEntry {
        Require.nonNull(id, "merge id");
        Require.nonNull(tenant, "tenant");
        Require.nonNull(at, "merge time");
        Require.nonNull(kind, "merge kind");
        Require.nonNull(survivorBefore, "survivor before-image");
        Require.nonNull(survivorAfter, "survivor after-image");
        if (!survivorBefore.id().equals(survivorAfter.id())) {
            throw new IllegalArgumentException("before and after images of a merge must be the same lead");
        }
        absorbed = Require.copy(absorbed, "absorbed leads");
        provenance = Require.copy(provenance, "provenance");
        moved = Require.copy(moved, "moved activities");
        createdActivities = Require.copy(createdActivities, "created activities");
        Require.nonNull(state, "merge state");
    }

    public MergeJournalEntry undone() {
        return new MergeJournalEntry(id, tenant, at, kind, survivorBefore, survivorAfter, absorbed, provenance,
                moved, createdActivities, MergeState.UNDONE);
    }
}
