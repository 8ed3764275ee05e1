package org.dedup.spark;

import java.io.Serializable;

import org.dedup.domain.match.ScoredPairs;

/**
 * A pair the model scored, by record numbers (smaller first), with its score, what the score says and whether the
 * pair is marked "not a duplicate" (then it links nothing).
 */
record ModelPair(int first, int second, double score, ScoredPairs.Level level, boolean marked)
        implements Serializable {
    long packed() {
        return ((long) first << 32) | second;
    }

    /** Whether the pair joins its records into one connected part. */
    boolean links() {
        return level == ScoredPairs.Level.MERGE && !marked;
    }
}
