package org.dedup.bench.duke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

/** Duke wired as the harness runs it, on 60 original/duplicate pairs of febrl1 (a training set). */
class DukeFebrlTest {
    @Test
    void dukeFindsTheDuplicatesOfFebrlRecords() throws URISyntaxException {
        FebrlFile sample = FebrlFile.read(Path.of(getClass().getResource("/febrl1-sample.csv").toURI()));
        try (PeakMemory memory = new PeakMemory()) {
            Outcome outcome = new DukeFebrl(memory).deduplicate(sample, OptionalDouble.empty());
            assertEquals(120, outcome.records());
            assertEquals(60, outcome.quality().truth());
            assertTrue(outcome.quality().f1() > 0.9, outcome.quality().toString());
            assertTrue(outcome.pairsCompared() > 0);
        }
    }

    @Test
    void measurementsSurviveTheTripBetweenJvms() {
        Measurement sent = new Measurement("febrl3", "duke", 5_000, 1.5, 3.0, 42,
                new org.dedup.bench.data.PairQuality(10, 12, 9), 100, 50, 200, "threshold 0.9");
        assertEquals(sent, Measurement.parse(sent.toLine()));
    }
}
