package org.dedup.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import scala.Tuple2;

/**
 * The blocks of a partition sorted by block key, one at a time: each block's numbered records, at most
 * {@code limit} of them held (a larger block is only counted, as it is reported, not expanded), so a task holds one
 * block rather than its partition.
 */
final class SortedBlocks<T> implements Iterator<SortedBlocks.Block<T>> {
    private final Iterator<Tuple2<BlockKey, Tuple2<Long, T>>> entries;
    private final int limit;
    private Tuple2<BlockKey, Tuple2<Long, T>> ahead;

    /** One block: its key, its numbered records (the first {@code limit} of them), and how many it has in all. */
    record Block<T>(BlockKey key, List<Tuple2<Long, T>> members, int size) {
    }

    SortedBlocks(Iterator<Tuple2<BlockKey, Tuple2<Long, T>>> entries, int limit) {
        this.entries = entries;
        this.limit = limit;
        this.ahead = entries.hasNext() ? entries.next() : null;
    }

    @Override
    public boolean hasNext() {
        return ahead != null;
    }

    @Override
    public Block<T> next() {
        if (ahead == null) {
            throw new NoSuchElementException("no block left in this partition");
        }
        BlockKey key = ahead._1();
        List<Tuple2<Long, T>> members = new ArrayList<>();
        int size = 0;
        while (ahead != null && ahead._1().equals(key)) {
            if (size++ < limit) {
                members.add(ahead._2());
            }
            ahead = entries.hasNext() ? entries.next() : null;
        }
        return new Block<>(key, members, size);
    }
}
