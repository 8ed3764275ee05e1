package org.dedup.domain.review;

/** Where a review item stands. */
public enum ReviewStatus {
    /** Waiting for a person. */
    OPEN,
    /** A person merged its records. */
    MERGED,
    /** A person dismissed it: nothing was changed or marked. */
    DISMISSED,
    /** A person said its records are not duplicates: every candidate pair is marked so. */
    NOT_DUPLICATE,
    /** Its records were merged or deleted elsewhere, or bulk search no longer groups them: nothing left to review. */
    CLOSED
}
