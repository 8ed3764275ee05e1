package org.dedup.ml.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dedup.ml.model.MatchModel;
import org.dedup.ml.model.ModelArtifact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.dedup.ml.TestData.febrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationReportTest {
    @TempDir
    Path dir;

    @Test
    void theMetricsOfAThresholdCountEveryTruePairBlockingMissed() {
        ScoredPairs scored = new ScoredPairs(new double[] {0.9, 0.8, 0.2, 0.6}, new boolean[] {true, true, true,
                false}, new boolean[4], 1);
        Confusion at = scored.at(0.5);
        assertEquals(new Confusion(0.5, 2, 1, 2, 0), at);
        assertEquals(2.0 / 3, at.precision(), 1e-12);
        assertEquals(0.5, at.recall(), 1e-12);
        assertEquals(4.0 / 7, at.f1(), 1e-12);
    }

    @Test
    void aPairAnEvidenceRuleVetoedIsNeverAMergeWhateverTheThreshold() {
        ScoredPairs scored = new ScoredPairs(new double[] {0.99, 0.99}, new boolean[] {true, false},
                new boolean[] {false, true}, 0);
        assertEquals(new Confusion(0.5, 1, 0, 0, 1), scored.at(0.5));
    }

    @Test
    void theReportIsWrittenAsJsonAndHtmlWithEverySection() throws IOException {
        EvaluationResult result = new Evaluation(MatchModel.of(ModelArtifact.bundled())).dedup("tiny set",
                febrl("dataset1.csv").first(200));
        List<Path> files = EvaluationReport.write(result, dir);
        String json = Files.readString(files.get(0));
        String html = Files.readString(files.get(1));
        assertEquals(dir.resolve("tiny_set.json"), files.get(0));
        assertTrue(json.contains("\"pairsCompleteness\"") && json.contains("\"precisionRecallCurve\"")
                && json.contains("\"perRule\"") && json.contains("\"calibration\""), json);
        for (String section : List.of("<polyline", "Calibration", "Feature importance", "Blocking", "largest blocks",
                "Per threshold", "worst false positives", "worst false negatives")) {
            assertTrue(html.contains(section), section);
        }
    }
}
