package org.dedup.bench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PairSetTest {
    @Test
    void aPairIsCountedOnceWhicheverRecordComesFirst() {
        PairSet pairs = new PairSet();
        assertTrue(pairs.add(3, 7));
        assertFalse(pairs.add(7, 3));
        assertEquals(1, pairs.size());
        assertTrue(pairs.contains(7, 3));
    }

    @Test
    void aRecordIsNeverPairedWithItself() {
        PairSet pairs = new PairSet();
        assertFalse(pairs.add(5, 5));
        assertEquals(0, pairs.size());
    }

    @Test
    void keepsEveryPairWhenItGrows() {
        PairSet pairs = new PairSet();
        for (int i = 0; i < 100_000; i++) {
            pairs.add(i, i + 1_000_000);
        }
        Set<Long> seen = new HashSet<>();
        pairs.forEach((first, second) -> {
            assertEquals(first + 1_000_000, second);
            seen.add((long) first);
        });
        assertEquals(100_000, pairs.size());
        assertEquals(100_000, seen.size());
    }
}
