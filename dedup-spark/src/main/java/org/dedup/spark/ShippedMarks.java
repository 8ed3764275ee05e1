package org.dedup.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.domain.model.RecordRef;
import org.dedup.domain.search.RecordPair;

/**
 * The tenant's "not a duplicate" marks as shipped to the executors, indexed there by record once, so a connected
 * part of the links is clustered with its own marks only.
 */
final class ShippedMarks implements Serializable {
    private static final long serialVersionUID = 1L;
    private final HashSet<RecordPair> pairs;
    private transient Map<RecordRef, List<RecordPair>> byRecord;

    ShippedMarks(Collection<RecordPair> marks) {
        this.pairs = new HashSet<>(marks);
    }

    /** Every mark. */
    Set<RecordPair> all() {
        return pairs;
    }

    /** The marks both of whose records are among {@code records}. */
    Set<RecordPair> among(Set<RecordRef> records) {
        Set<RecordPair> among = new HashSet<>();
        for (RecordRef record : records) {
            for (RecordPair pair : byRecord().getOrDefault(record, List.of())) {
                if (records.contains(pair.other(record))) {
                    among.add(pair);
                }
            }
        }
        return among;
    }

    private synchronized Map<RecordRef, List<RecordPair>> byRecord() {
        if (byRecord == null) {
            Map<RecordRef, List<RecordPair>> index = new HashMap<>();
            for (RecordPair pair : pairs) {
                index.computeIfAbsent(pair.first(), k -> new ArrayList<>()).add(pair);
                index.computeIfAbsent(pair.second(), k -> new ArrayList<>()).add(pair);
            }
            byRecord = index;
        }
        return byRecord;
    }
}
