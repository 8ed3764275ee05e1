package org.dedup.domain.review;

import java.time.Instant;
import java.util.UUID;

import org.dedup.domain.model.Require;

/**
 * Where a page of the review queue ended: items are ordered by opening time, then id, so an item opened later
 * never lands on a page already read and no item is skipped or repeated.
 */
public record ReviewCursor(Instant openedAt, UUID id) {
    public ReviewCursor {
        Require.nonNull(openedAt, "cursor time");
        Require.nonNull(id, "cursor id");
    }
}
