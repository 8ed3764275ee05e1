package org.dedup.bench.duke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

class DukeFebrlTest {
    @Test
    void dukeFindsTheDuplicatesOfFebrl1() {
        try (PeakMemory memory = new PeakMemory()) {
            Outcome outcome = new DukeFebrl(memory).deduplicate(FebrlFile.read("febrl/dataset1.csv"),
                    OptionalDouble.empty());
            assertEquals(1_000, outcome.records());
            assertEquals(500, outcome.quality().truth());
            assertTrue(outcome.quality().f1() > 0.9, outcome.quality().toString());
            assertTrue(outcome.pairsCompared() > 0);
        }
    }

    @Test
    void measurementsSurviveTheTripBetweenJvms() {
        Measurement sent = new Measurement("febrl3", "duke", 5_000, 1.5, 42,
                new org.dedup.bench.data.PairQuality(10, 12, 9), 100, 50, 200, "threshold 0.9");
        assertEquals(sent, Measurement.parse(sent.toLine()));
    }
}
