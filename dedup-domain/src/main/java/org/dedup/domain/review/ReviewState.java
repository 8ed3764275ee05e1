package org.dedup.domain.review;

import java.time.Instant;

import org.dedup.domain.model.Require;

/** An item is open, or was resolved: how, when, by whom, and a detail (the merge id, why it closed). */
public sealed interface ReviewState {

    ReviewStatus status();

    record Open() implements ReviewState {
        @Override
        public ReviewStatus status() {
            return ReviewStatus.OPEN;
        }
    }

    record Resolved(ReviewStatus status, Instant at, String by, String detail) implements ReviewState {
        public Resolved {
            Require.nonNull(status, "review status");
            if (status == ReviewStatus.OPEN) {
                throw new IllegalArgumentException("a resolved review item is not open");
            }
            Require.nonNull(at, "resolution time");
            Require.nonBlank(by, "resolved by");
            detail = detail == null ? "" : detail;
        }
    }
}
