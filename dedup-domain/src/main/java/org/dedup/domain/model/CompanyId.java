package org.dedup.domain.model;

import java.util.UUID;

/** Identity of a company. */
public record CompanyId(UUID value) implements RecordRef {
    public CompanyId {
        Require.nonNull(value, "company id");
    }

    public static CompanyId random() {
        return new CompanyId(TimeOrderedUuids.next());
    }

    public static CompanyId parse(String text) {
        return new CompanyId(Ids.parseUuid(text, "company id"));
    }

    @Override
    public RecordKind kind() {
        return RecordKind.COMPANY;
    }

    @Override
    public String toString() {
        return "company:" + value;
    }
}
