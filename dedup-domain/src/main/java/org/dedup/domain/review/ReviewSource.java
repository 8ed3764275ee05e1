package org.dedup.domain.review;

/** Where a review item comes from. */
public enum ReviewSource {
    /** Duplicate control stored a lead as new; BIG DATA found only possible duplicates of it. */
    PENDING_REVIEW,
    /** More leads matched an arrival than the merge limit allows: nothing was merged. */
    TOO_MANY_MATCHES,
    /** A group of the latest bulk search. */
    BULK_SEARCH
}
