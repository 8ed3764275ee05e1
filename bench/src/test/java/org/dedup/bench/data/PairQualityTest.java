package org.dedup.bench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PairQualityTest {
    @Test
    void scoresReportedPairsAgainstTheEntities() {
        int[] entityOf = {1, 1, 1, 2, 2, 3};
        PairSet found = new PairSet();
        found.add(0, 1);
        found.add(3, 4);
        found.add(4, 5);
        PairQuality quality = PairQuality.score(found, entityOf, PairQuality.samePairs(entityOf));
        assertEquals(new PairQuality(3, 4, 2), quality);
        assertEquals(2.0 / 3, quality.precision(), 1e-12);
        assertEquals(0.5, quality.recall(), 1e-12);
        assertEquals(4.0 / 7, quality.f1(), 1e-12);
    }

    @Test
    void nothingFoundIsZeroNotAnError() {
        assertEquals(0, new PairQuality(0, 10, 0).f1());
    }

    @Test
    void moreRightPairsThanFoundIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PairQuality(1, 5, 2));
    }
}
