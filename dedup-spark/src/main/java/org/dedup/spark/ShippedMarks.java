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
 * The tenant's "not a duplicate" marks as shipped to the executors, each an executor turns back into the domain's
 * {@link RecordPair}s once, indexed by record so a connected part of the links is clustered with its own marks only.
 */
final class ShippedMarks implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ArrayList<String[]> pairs = new ArrayList<>();
    private transient Map<RecordRef, List<RecordPair>> byRecord;

    ShippedMarks(Collection<RecordPair> marks) {
        marks.forEach(pair -> pairs.add(new String[] {RecordRefs.format(pair.first()), RecordRefs.format(pair.second())}));
    }

    /** Every mark, as the domain's pairs. */
    Set<RecordPair> all() {
        Set<RecordPair> all = new HashSet<>();
        byRecord().values().forEach(all::addAll);
        return all;
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
            for (String[] pair : pairs) {
                RecordPair marked = new RecordPair(RecordRefs.parse(pair[0]), RecordRefs.parse(pair[1]));
                index.computeIfAbsent(marked.first(), k -> new ArrayList<>()).add(marked);
                index.computeIfAbsent(marked.second(), k -> new ArrayList<>()).add(marked);
            }
            byRecord = index;
        }
        return byRecord;
    }
}
