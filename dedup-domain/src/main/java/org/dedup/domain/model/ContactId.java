package org.dedup.domain.model;

import java.util.UUID;

/** Identity of a contact. */
public record ContactId(UUID value) implements RecordRef {
    public ContactId {
        Require.nonNull(value, "contact id");
    }

    public static ContactId random() {
        return new ContactId(TimeOrderedUuids.next());
    }

    public static ContactId parse(String text) {
        return new ContactId(Ids.parseUuid(text, "contact id"));
    }

    @Override
    public RecordKind kind() {
        return RecordKind.CONTACT;
    }

    @Override
    public String toString() {
        return "contact:" + value;
    }
}
