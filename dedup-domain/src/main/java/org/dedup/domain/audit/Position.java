package org.dedup.domain.audit;

import java.time.Instant;
import java.util.UUID;

import org.dedup.domain.model.Require;

/** Where a page of a list ordered by time and id ended; the next page starts after it. */
public record Position(Instant at, UUID id) {
    public Position {
        Require.nonNull(at, "position time");
        Require.nonNull(id, "position id");
    }
}
