package org.dedup.domain.review;

import java.util.Locale;

import org.dedup.domain.model.DedupException;

/** An action on a review item that is no longer open: it was resolved, or closed because its records changed. */
public final class ReviewItemResolvedException extends DedupException {
    public ReviewItemResolvedException(ReviewItem item) {
        super("review item " + item.id() + " is " + item.state().status().name().toLowerCase(Locale.ROOT)
                + (item.state() instanceof ReviewState.Resolved resolved && !resolved.detail().isBlank()
                ? " (" + resolved.detail() + ")" : "") + "; nothing was done");
    }

    public ReviewItemResolvedException(ReviewItem item, String why) {
        super("review item " + item.id() + " " + why + "; nothing was done");
    }
}
