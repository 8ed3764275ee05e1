package org.dedup.domain.model;

/** Whether a custom field belongs to the lead itself or to its contacts. */
public enum FieldLevel {
    LEAD, CONTACT
}
