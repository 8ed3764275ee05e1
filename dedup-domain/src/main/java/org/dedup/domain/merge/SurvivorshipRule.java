package org.dedup.domain.merge;

/** How the surviving value of a field was chosen when records were merged. */
public enum SurvivorshipRule {
    /** The value of the most recently updated record. */
    NEWEST,
    /** The value of the earliest created record. */
    OLDEST,
    /** The value of the record with the most filled fields. */
    MOST_COMPLETE,
    /** The value of the record whose source channel ranks highest. */
    SOURCE_PRIORITY,
    /** Every distinct value of a multi-value field (phones, emails, pixels). */
    UNION,
    /** The value a person picked in a manual merge. */
    MANUAL,
    /** The incoming value replaced the existing one (conflict policy UPDATE_EXISTING). */
    INCOMING,
    /** The existing value was kept (conflict policy KEEP_EXISTING, or nothing to change). */
    EXISTING
}
