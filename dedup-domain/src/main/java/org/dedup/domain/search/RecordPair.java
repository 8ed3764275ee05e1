package org.dedup.domain.search;

import java.io.Serializable;
import java.util.Comparator;

import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.Require;

/** Two records, in a canonical order so (a, b) equals (b, a); pairs sort by their first record, then their second. */
public record RecordPair(RecordRef first, RecordRef second) implements Comparable<RecordPair>, Serializable {
    private static final Comparator<RecordPair> ORDER = Comparator.comparing(RecordPair::first)
            .thenComparing(RecordPair::second);

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

    /** The record of the pair that is not {@code record}. */
    public RecordRef other(RecordRef record) {
        return first.equals(record) ? second : first;
    }

    public boolean contains(RecordRef record) {
        return first.equals(record) || second.equals(record);
    }

    @Override
    public int compareTo(RecordPair other) {
        return ORDER.compare(this, other);
    }
}
