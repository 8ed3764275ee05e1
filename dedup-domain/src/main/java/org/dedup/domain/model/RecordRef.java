package org.dedup.domain.model;

import java.io.Serializable;
import java.util.UUID;

/** The identity of a lead, contact or company: what duplicate search compares across objects. */
public sealed interface RecordRef extends Comparable<RecordRef>, Serializable permits LeadId, ContactId, CompanyId {
    UUID value();

    RecordKind kind();

    @Override
    default int compareTo(RecordRef other) {
        int byKind = kind().compareTo(other.kind());
        return byKind != 0 ? byKind : value().compareTo(other.value());
    }

    static RecordRef of(RecordKind kind, UUID value) {
        return switch (kind) {
            case LEAD -> new LeadId(value);
            case CONTACT -> new ContactId(value);
            case COMPANY -> new CompanyId(value);
        };
    }
}
