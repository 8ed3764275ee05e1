package org.dedup.domain.model;

import java.util.UUID;

final class Ids {
    private Ids() {
    }

    static UUID parseUuid(String text, String field) {
        Require.nonNull(text, field);
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException(field + " '" + Require.abbreviate(text) + "' is not a UUID");
        }
    }
}
