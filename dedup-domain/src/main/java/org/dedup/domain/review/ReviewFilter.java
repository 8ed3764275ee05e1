package org.dedup.domain.review;

import java.util.Set;

import org.dedup.domain.model.Require;

/** Which items of the queue to list: by status and by source; an empty set takes every one. */
public record ReviewFilter(Set<ReviewStatus> statuses, Set<ReviewSource> sources) {
    public ReviewFilter {
        statuses = Require.copy(statuses, "review statuses");
        sources = Require.copy(sources, "review sources");
    }

    /** The open items of every source: the queue as a person works it. */
    public static ReviewFilter open() {
        return new ReviewFilter(Set.of(ReviewStatus.OPEN), Set.of());
    }

    public boolean takes(ReviewItem item) {
        return (statuses.isEmpty() || statuses.contains(item.state().status()))
                && (sources.isEmpty() || sources.contains(item.source()));
    }
}
