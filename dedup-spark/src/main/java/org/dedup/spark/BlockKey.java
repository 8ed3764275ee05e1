package org.dedup.spark;

import java.io.Serializable;

/**
 * A block of the search: the number of the rule (or the model, after the rules) and the block key. Ordered so that
 * a partition sorted by it gives each block's records one after another.
 */
record BlockKey(int source, String key) implements Comparable<BlockKey>, Serializable {
    @Override
    public int compareTo(BlockKey other) {
        int bySource = Integer.compare(source, other.source);
        return bySource != 0 ? bySource : key.compareTo(other.key);
    }
}
