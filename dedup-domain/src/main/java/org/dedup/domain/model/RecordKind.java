package org.dedup.domain.model;

/** The CRM objects dedup compares. */
public enum RecordKind {
    LEAD, CONTACT, COMPANY
}
