package org.dedup.domain.audit;

import java.util.Locale;

/**
 * What kind of write an {@link AuditEvent} records, one constant per kind; {@link #id()} is how it is stored and
 * filtered on ({@code merge}, {@code contact_add}, {@code review_dismissed}, ...).
 */
public enum AuditAction {
    /** A manual merge of leads, contacts or companies; the subject is the merge id. */
    MERGE,
    /** The undo of a merge; the subject is the merge id. */
    UNMERGE,
    /** A pair marked not a duplicate; the subject is the pair. */
    MARK,
    /** A not-a-duplicate mark removed; the subject is the pair. */
    UNMARK,
    /** A pair labelled for the tenant's model; the subject is the pair. */
    LABEL,
    /** The duplicate-control settings saved. */
    SETTINGS,
    /** The duplicate rules saved. */
    RULES,
    /** A review item resolved by merging its records; the subject is the item id. */
    REVIEW_MERGED,
    /** A review item resolved by marking its pairs not duplicates; the subject is the item id. */
    REVIEW_NOT_DUPLICATE,
    /** A review item dismissed; the subject is the item id. */
    REVIEW_DISMISSED,
    /** A contact added (through duplicate control over HTTP, as is by an import); the subject is the contact id. */
    CONTACT_ADD,
    /** A contact's values replaced; the subject is the contact id. */
    CONTACT_UPDATE,
    /** A company added; the subject is the company id. */
    COMPANY_ADD,
    /** A company's values replaced; the subject is the company id. */
    COMPANY_UPDATE,
    /**
     * A bulk search started; the subject is the scan id, or {@link #STORED_GROUPS} for a search the command line
     * runs at once, storing no job.
     */
    SCAN_START,
    /** The bulk search's schedule set or replaced. */
    SCHEDULE_SET,
    /** The bulk search's schedule removed. */
    SCHEDULE_REMOVE,
    /** A webhook added; the subject is the webhook id. */
    WEBHOOK_ADD,
    /** A webhook removed; the subject is the webhook id. */
    WEBHOOK_REMOVE;

    /** The subject of a bulk search that stores no job: the tenant's duplicate groups it replaced. */
    public static final String STORED_GROUPS = "duplicate-groups";

    /** The stored and filtered name: the constant in lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException when {@code id} names no action */
    public static AuditAction of(String id) {
        for (AuditAction action : values()) {
            if (action.id().equals(id)) {
                return action;
            }
        }
        throw new IllegalArgumentException("no audited action is called '" + id + "'");
    }
}
