package org.dedup.spark;

import java.util.UUID;

import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.RecordRef;

/** A record's identity as one string ({@code CONTACT:uuid}), the form marks and clusters travel in. */
final class RecordRefs {
    private RecordRefs() {
    }

    static String format(RecordRef ref) {
        return ref.kind().name() + ':' + ref.value();
    }

    static RecordRef parse(String text) {
        int colon = text.indexOf(':');
        return RecordRef.of(RecordKind.valueOf(text.substring(0, colon)), UUID.fromString(text.substring(colon + 1)));
    }
}
