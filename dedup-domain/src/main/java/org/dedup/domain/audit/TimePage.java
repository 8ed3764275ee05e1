package org.dedup.domain.audit;

import java.time.Instant;
import java.util.Optional;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Require;

/**
 * A page of a list ordered newest first: entries at or after {@code from} and before {@code to}, those older than
 * {@code before} only (the last entry of the previous page), at most {@code limit}. An entry written after the
 * first page was read is newer than every position, so it never shifts a later page.
 */
public record TimePage(Instant from, Instant to, Optional<Position> before, int limit) {
    /** The far end of every time range; a time of the year 9999 fits every store. */
    public static final Instant END = Instant.parse("9999-01-01T00:00:00Z");

    public TimePage {
        Require.nonNull(from, "from");
        Require.nonNull(to, "to");
        Require.nonNull(before, "page position");
        Require.positive(limit, "page size");
        if (!from.isBefore(to)) {
            throw new InvalidRecordException("the time range is empty: from " + from + " is not before to " + to);
        }
    }

    /** The same range and position, one more entry: the extra one tells whether another page follows. */
    public TimePage oneMore() {
        return new TimePage(from, to, before, limit + 1);
    }
}
