package org.dedup.domain.search;

import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.Require;

/** Two records, in a canonical order so (a, b) equals (b, a). */
public record RecordPair(RecordRef first, RecordRef second) {
    public RecordPair {
        Require.nonNull(first, "first record");
        Require.nonNull(second, "second record");
        if (first.equals(second)) {
            throw new IllegalArgumentException("a pair needs two different records, got " + first + " twice");
        }
        if (first.compareTo(second) > 0) {
            RecordRef swap = first;
            first = second;
            second = swap;
        }
    }
}
