package org.dedup.domain.model;

import java.util.Comparator;
import java.util.UUID;

/** Identity of a lead. */
public record LeadId(UUID value) implements RecordRef {
    /**
     * The order the stores list leads found by key in: the id's 128 bits read as one unsigned number, as PostgreSQL
     * and H2 order uuids ({@link UUID#compareTo} compares signed halves).
     */
    public static final Comparator<LeadId> STORE_ORDER = Comparator
            .comparing((LeadId id) -> id.value().getMostSignificantBits(), Long::compareUnsigned)
            .thenComparing(id -> id.value().getLeastSignificantBits(), Long::compareUnsigned);

    public LeadId {
        Require.nonNull(value, "lead id");
    }

    public static LeadId random() {
        return new LeadId(TimeOrderedUuids.next());
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
