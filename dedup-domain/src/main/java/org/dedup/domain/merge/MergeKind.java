package org.dedup.domain.merge;

/** What started a merge. */
public enum MergeKind {
    /** Duplicate control merged an incoming or updated lead into an existing one. */
    DUPLICATE_CONTROL,
    /** A person merged records chosen in duplicate search. */
    MANUAL
}
