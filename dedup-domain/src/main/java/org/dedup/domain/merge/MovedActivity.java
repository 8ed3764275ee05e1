package org.dedup.domain.merge;

import java.util.UUID;

import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.Require;

/** A task or note a merge moved from an absorbed lead to the survivor; unmerge moves it back. */
public record MovedActivity(ActivityKind kind, UUID activity, LeadId from, LeadId to) {
    public MovedActivity {
        Require.nonNull(kind, "activity kind");
        Require.nonNull(activity, "activity id");
        Require.nonNull(from, "moved from");
        Require.nonNull(to, "moved to");
    }

    public enum ActivityKind {
        TASK, NOTE
    }
}
