package org.dedup.ml.blocking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.ml.record.PersonPair;
import org.dedup.ml.record.PersonRecord;

/**
 * Candidate pairs of an in-memory record set by {@link BlockingKeys}: the pairs sharing at least one key, each
 * once. Used for training, evaluation and the blocking report; a tenant's records are blocked by the key index of
 * the persistence adapter instead. A block larger than {@code maxBlock} is skipped (a key that many share tells
 * little, and would cost more comparisons than the budget allows).
 */
public final class Blocker {
    /** The largest block expanded in training and evaluation. */
    public static final int MAX_BLOCK = 50;
    private final BlockingKeys keys;
    private final int maxBlock;

    public Blocker(BlockingKeys keys, int maxBlock) {
        this.keys = keys;
        this.maxBlock = maxBlock;
    }

    public Blocker(BlockingKeys keys) {
        this(keys, MAX_BLOCK);
    }

    public BlockingKeys keys() {
        return keys;
    }

    public int maxBlock() {
        return maxBlock;
    }

    /** Candidate pairs within one record set (deduplication). */
    public List<PersonPair> dedupPairs(List<PersonRecord> records) {
        return pairs(records, records.size(), true);
    }

    /** Candidate pairs of a record of {@code left} with a record of {@code right} (linkage). */
    public List<PersonPair> linkagePairs(List<PersonRecord> left, List<PersonRecord> right) {
        List<PersonRecord> all = new ArrayList<>(left);
        all.addAll(right);
        return pairs(all, left.size(), false);
    }

    /**
     * {@code leftSize}: records before it are one side; with {@code withinSides} pairs on one side count too.
     * Blocks list indices in increasing order, so a crossing pair always has its left record first.
     */
    private List<PersonPair> pairs(List<PersonRecord> records, int leftSize, boolean withinSides) {
        Map<String, List<Integer>> blocks = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            for (String key : keys.of(records.get(i))) {
                blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        Set<Long> seen = new HashSet<>();
        List<PersonPair> pairs = new ArrayList<>();
        for (List<Integer> block : blocks.values()) {
            if (block.size() > maxBlock) {
                continue;
            }
            for (int x = 0; x < block.size(); x++) {
                for (int y = x + 1; y < block.size(); y++) {
                    int i = block.get(x);
                    int j = block.get(y);
                    boolean crossing = (i < leftSize) != (j < leftSize);
                    if ((withinSides || crossing) && seen.add((long) i * records.size() + j)) {
                        pairs.add(new PersonPair(records.get(i), records.get(j)));
                    }
                }
            }
        }
        return pairs;
    }
}
