package org.dedup.bench.duke;

import java.util.HashMap;
import java.util.Map;

import no.priv.garshol.duke.Record;
import no.priv.garshol.duke.matchers.AbstractMatchListener;
import org.dedup.bench.data.PairSet;

/**
 * Collects the pairs Duke reports as matches (each unordered pair once, whichever record found the other), as
 * indexes of the harness's records, and optionally the best confidence of each pair for calibrating a threshold.
 */
final class PairListener extends AbstractMatchListener {
    private final Map<String, Integer> indexOfId;
    private final PairSet pairs = new PairSet();
    private final Map<Long, Double> confidences;

    private PairListener(Map<String, Integer> indexOfId, Map<Long, Double> confidences) {
        this.indexOfId = indexOfId;
        this.confidences = confidences;
    }

    /** Collects pairs only. */
    static PairListener pairs(Map<String, Integer> indexOfId) {
        return new PairListener(indexOfId, null);
    }

    /** Collects pairs and their confidences. */
    static PairListener withConfidences(Map<String, Integer> indexOfId) {
        return new PairListener(indexOfId, new HashMap<>());
    }

    @Override
    public void matches(Record first, Record second, double confidence) {
        int a = indexOf(first);
        int b = indexOf(second);
        pairs.add(a, b);
        if (confidences != null && a != b) {
            confidences.merge(((long) Math.min(a, b) << 32) | Math.max(a, b), confidence, Math::max);
        }
    }

    PairSet pairs() {
        return pairs;
    }

    /** Best confidence per pair, the pair encoded as {@code min << 32 | max}. */
    Map<Long, Double> confidences() {
        return confidences == null ? Map.of() : Map.copyOf(confidences);
    }

    private int indexOf(Record record) {
        String id = record.getValue("ID");
        Integer index = indexOfId.get(id);
        if (index == null) {
            throw new IllegalStateException("Duke reported a record the harness did not give it: " + id);
        }
        return index;
    }
}
