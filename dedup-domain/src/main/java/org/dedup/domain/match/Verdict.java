package org.dedup.domain.match;

/** How sure a matcher is: a DUPLICATE may be merged automatically, a POSSIBLE_DUPLICATE goes to review. */
public enum Verdict {
    DUPLICATE, POSSIBLE_DUPLICATE
}
