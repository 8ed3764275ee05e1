package org.dedup.bench.duke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Our BIG DATA matcher wired as the harness runs it, on the sample Duke's test uses. */
class OursFebrlTest {
    @Test
    void theShippedModelFindsTheDuplicatesOfFebrlRecords() throws URISyntaxException {
        FebrlFile sample = FebrlFile.read(Path.of(getClass().getResource("/febrl1-sample.csv").toURI()));
        try (PeakMemory memory = new PeakMemory()) {
            Outcome outcome = new OursFebrl(memory).deduplicate(sample);
            assertEquals(120, outcome.records());
            assertEquals(60, outcome.quality().truth());
            assertTrue(outcome.quality().f1() > 0.9, outcome.quality().toString());
        }
    }
}
