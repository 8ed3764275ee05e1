package org.dedup.bench.data;

import java.util.HashMap;
import java.util.Map;

/**
 * Pair precision, recall and F1 of what an engine found against the known truth.
 *
 * @param found pairs the engine reported (each unordered pair once)
 * @param truth true pairs in the data
 * @param right reported pairs that are true
 */
public record PairQuality(long found, long truth, long right) {
    public PairQuality {
        if (found < 0 || truth < 0 || right < 0 || right > found || right > truth) {
            throw new IllegalArgumentException("pair counts: found " + found + ", truth " + truth + ", right " + right);
        }
    }

    /** Scores {@code pairs} (each unordered pair once) with {@code entityOf[i]} the true entity of record i. */
    public static PairQuality score(PairSet pairs, int[] entityOf, long truth) {
        long[] right = {0};
        pairs.forEach((a, b) -> {
            if (entityOf[a] == entityOf[b]) {
                right[0]++;
            }
        });
        return new PairQuality(pairs.size(), truth, right[0]);
    }

    /** Unordered pairs of records that share an entity: n(n-1)/2 summed over the entities. */
    public static long samePairs(int[] entityOf) {
        Map<Integer, Integer> sizes = new HashMap<>();
        for (int entity : entityOf) {
            sizes.merge(entity, 1, Integer::sum);
        }
        return sizes.values().stream().mapToLong(n -> (long) n * (n - 1) / 2).sum();
    }

    public double precision() {
        return found == 0 ? 0 : (double) right / found;
    }

    public double recall() {
        return truth == 0 ? 0 : (double) right / truth;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format("pairs found %,d, true %,d, right %,d -> precision %.4f, recall %.4f, F1 %.4f",
                found, truth, right, precision(), recall(), f1());
    }
}
