package org.dedup.domain.model;

import java.util.UUID;

/** Identity of a lead. */
public record LeadId(UUID value) implements RecordRef {
    public LeadId {
        Require.nonNull(value, "lead id");
    }

    public static LeadId random() {
        return new LeadId(UUID.randomUUID());
    }

    public static LeadId parse(String text) {
        return new LeadId(Ids.parseUuid(text, "lead id"));
    }

    @Override
    public RecordKind kind() {
        return RecordKind.LEAD;
    }

    @Override
    public String toString() {
        return "lead:" + value;
    }
}
