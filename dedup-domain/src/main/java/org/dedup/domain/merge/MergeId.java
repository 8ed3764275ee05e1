package org.dedup.domain.merge;

import java.util.UUID;

import org.dedup.domain.model.Require;
import org.dedup.domain.model.TimeOrderedUuids;

/** Identity of one journaled merge. */
public record MergeId(UUID value) {
    public MergeId {
        Require.nonNull(value, "merge id");
    }

    public static MergeId random() {
        return new MergeId(TimeOrderedUuids.next());
    }

    @Override
    public String toString() {
        return "merge:" + value;
    }
}
