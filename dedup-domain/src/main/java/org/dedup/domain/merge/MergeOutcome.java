package org.dedup.domain.merge;

import java.util.List;

import org.dedup.domain.model.Lead;
import org.dedup.domain.model.Require;

/** The surviving lead's new values (not yet stored) and where each merged field came from. */
public record MergeOutcome(Lead survivor, List<FieldProvenance> provenance) {
    public MergeOutcome {
        Require.nonNull(survivor, "survivor");
        provenance = Require.copy(provenance, "provenance");
    }
}
