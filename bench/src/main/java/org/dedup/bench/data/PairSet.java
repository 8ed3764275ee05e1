package org.dedup.bench.data;

import java.util.Arrays;

/**
 * A set of unordered pairs of record indexes (each below 2^31), kept as one long per pair in an open-addressing
 * table: a million pairs take 16-32 MB instead of ~80 MB of boxed longs, so counting an engine's pairs barely
 * adds to the peak heap being measured.
 */
public final class PairSet {
    private static final long EMPTY = -1L;
    private long[] table = filled(1 << 16);
    private int size;

    /** Adds the pair {a, b}; a pair of a record with itself is ignored. Returns whether it was new. */
    public boolean add(int a, int b) {
        if (a == b) {
            return false;
        }
        long key = ((long) Math.min(a, b) << 32) | Math.max(a, b);
        if ((size + 1) * 2L > table.length) {
            grow();
        }
        if (insert(table, key)) {
            size++;
            return true;
        }
        return false;
    }

    public boolean contains(int a, int b) {
        long key = ((long) Math.min(a, b) << 32) | Math.max(a, b);
        int mask = table.length - 1;
        for (int slot = mix(key) & mask; table[slot] != EMPTY; slot = (slot + 1) & mask) {
            if (table[slot] == key) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return size;
    }

    /** Calls {@code action} once per pair, smaller index first. */
    public void forEach(PairConsumer action) {
        for (long key : table) {
            if (key != EMPTY) {
                action.accept((int) (key >>> 32), (int) key);
            }
        }
    }

    /** What {@link #forEach} hands each pair to. */
    @FunctionalInterface
    public interface PairConsumer {
        void accept(int first, int second);
    }

    private void grow() {
        long[] bigger = filled(table.length * 2);
        for (long key : table) {
            if (key != EMPTY) {
                insert(bigger, key);
            }
        }
        table = bigger;
    }

    private static boolean insert(long[] into, long key) {
        int mask = into.length - 1;
        int slot = mix(key) & mask;
        while (into[slot] != EMPTY) {
            if (into[slot] == key) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        into[slot] = key;
        return true;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private static long[] filled(int length) {
        long[] array = new long[length];
        Arrays.fill(array, EMPTY);
        return array;
    }
}
