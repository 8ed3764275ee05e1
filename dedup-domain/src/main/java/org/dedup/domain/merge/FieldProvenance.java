package org.dedup.domain.merge;

import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.Require;

/** For one merged field: the value that survived, the record it came from and the rule that chose it. */
public record FieldProvenance(String field, String value, RecordRef source, SurvivorshipRule rule) {
    public FieldProvenance {
        Require.nonBlank(field, "provenance field");
        value = value == null ? "" : value;
        Require.nonNull(source, "provenance source");
        Require.nonNull(rule, "provenance rule");
    }
}
