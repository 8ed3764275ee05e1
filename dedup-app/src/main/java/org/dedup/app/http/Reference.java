package org.dedup.app.http;

import java.util.Locale;
import java.util.UUID;

import org.dedup.domain.model.RecordRef;

/** A lead, contact or company as the API names it: {@code {"kind": "lead", "id": "..."}}. */
record Reference(String kind, UUID id) {
    static Reference of(RecordRef ref) {
        return new Reference(ref.kind().name().toLowerCase(Locale.ROOT), ref.value());
    }
}
