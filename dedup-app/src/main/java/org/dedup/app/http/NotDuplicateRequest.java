package org.dedup.app.http;

import java.util.Locale;
import java.util.UUID;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.search.RecordPair;

/** Two records a person says are not duplicates: {"first": {"kind": "lead", "id": ...}, "second": {...}}. */
record NotDuplicateRequest(RecordView first, RecordView second) {
    record RecordView(String kind, UUID id) {
        RecordRef ref() {
            if (kind == null || id == null) {
                throw new InvalidRecordException("a record needs a kind (lead, contact, company) and an id");
            }
            try {
                return RecordRef.of(RecordKind.valueOf(kind.trim().toUpperCase(Locale.ROOT)), id);
            } catch (IllegalArgumentException e) {
                throw new InvalidRecordException("record kind '" + kind + "' is not lead, contact or company");
            }
        }
    }

    RecordPair pair() {
        if (first == null || second == null) {
            throw new InvalidRecordException("first and second are required");
        }
        try {
            return new RecordPair(first.ref(), second.ref());
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException(e.getMessage());
        }
    }
}
