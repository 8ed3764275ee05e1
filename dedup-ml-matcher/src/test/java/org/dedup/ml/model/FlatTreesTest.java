package org.dedup.ml.model;

import java.util.List;

import org.dedup.ml.features.PairFeatures;
import org.dedup.ml.record.PersonPair;
import org.junit.jupiter.api.Test;

import smile.classification.GradientTreeBoost;

import static org.dedup.ml.TestData.BLOCKER;
import static org.dedup.ml.TestData.febrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlatTreesTest {
    @Test
    void flatTreesScoreEveryFebrl3CandidateExactlyAsSmileDoes() {
        ModelArtifact artifact = ModelArtifact.bundled();
        PairClassifier.Trees boosted = (PairClassifier.Trees) artifact.classifier().classifier();
        FlatTrees flat = FlatTrees.of((GradientTreeBoost) boosted.model(), boosted.shrinkage()).orElseThrow();
        PairFeatures features = new PairFeatures(artifact.metadata().recordSchema(), artifact.frequencies());
        List<PersonPair> pairs = BLOCKER.dedupPairs(febrl("dataset3.csv").records());
        assertTrue(pairs.size() > 10_000);
        for (PersonPair pair : pairs) {
            double[] x = features.extract(pair.first(), pair.second());
            assertEquals(boosted.rawProbability(x), flat.probability(x), 1e-9);
        }
    }
}
