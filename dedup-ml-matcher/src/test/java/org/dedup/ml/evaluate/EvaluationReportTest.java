package org.dedup.ml.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dedup.ml.model.ModelArtifact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationReportTest {
    @TempDir
    Path dir;

    @Test
    void theMetricsOfAThresholdCountEveryTruePairBlockingMissed() {
        ScoredPairs scored = new ScoredPairs(new double[] {0.9, 0.8, 0.2, 0.6}, new boolean[] {true, true, true,
                false}, 1);
        Confusion at = scored.at(0.5);
        assertEquals(new Confusion(0.5, 2, 1, 2, 0), at);
        assertEquals(2.0 / 3, at.precision(), 1e-12);
        assertEquals(0.5, at.recall(), 1e-12);
        assertEquals(4.0 / 7, at.f1(), 1e-12);
    }

    @Test
    void theReportIsWrittenAsJsonAndHtmlWithCurveTableAndConfusionMatrix() throws IOException {
        ScoredPairs scored = new ScoredPairs(new double[] {0.95, 0.7, 0.1}, new boolean[] {true, false, false}, 0);
        EvaluationResult result = new EvaluationResult("tiny set", ModelArtifact.bundled().metadata(), 0.5,
                new BlockingReport(3, 10, 1, 1), scored);
        List<Path> files = EvaluationReport.write(result, dir);
        String json = Files.readString(files.get(0));
        String html = Files.readString(files.get(1));
        assertEquals(dir.resolve("tiny_set.json"), files.get(0));
        assertTrue(json.contains("\"pairsCompleteness\" : 1.0") && json.contains("\"precisionRecallCurve\""), json);
        assertTrue(json.contains("\"falsePositives\" : 1"), json);
        assertTrue(html.contains("<svg") && html.contains("<polyline") && html.contains("Confusion matrix")
                && html.contains("Per threshold"), html);
    }
}
