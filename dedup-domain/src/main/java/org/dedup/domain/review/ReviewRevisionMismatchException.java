package org.dedup.domain.review;

import org.dedup.domain.model.DedupException;

/**
 * An action named the revision of a review item it was based on ({@code If-Match}), and the item is at another, or
 * its records changed since: the person has not seen the item as it is, so nothing was done (HTTP: 412).
 */
public final class ReviewRevisionMismatchException extends DedupException {
    public ReviewRevisionMismatchException(ReviewItem item, String why) {
        super("review item " + item.id() + " " + why + "; nothing was done");
    }
}
