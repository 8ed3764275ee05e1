package org.dedup.ml.evaluate;

import org.dedup.ml.model.MatchModel;
import org.dedup.ml.model.ModelArtifact;
import org.dedup.ml.model.ModelMetadata;
import org.dedup.ml.training.DefaultModelRecipe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.dedup.ml.TestData.FEBRL;
import static org.dedup.ml.TestData.febrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards the shipped model: trained on Febrl 1 and 2 only, it must deduplicate Febrl 3 and link Febrl 4 at the
 * default threshold with F1 of at least 0.99, and retraining by the documented recipe must give the same figures
 * within a small tolerance.
 */
class FebrlAccuracyTest {
    private static final double TOLERANCE = 0.005;
    private static MatchModel shipped;
    private static EvaluationResult febrl3;

    @BeforeAll
    static void evaluateTheShippedModel() {
        shipped = MatchModel.of(ModelArtifact.bundled());
        febrl3 = new Evaluation(shipped).dedup("febrl3", febrl("dataset3.csv"));
    }

    @Test
    void theShippedModelDeduplicatesFebrl3WithF1OfAtLeast099() {
        Confusion at = febrl3.atThreshold();
        assertTrue(at.f1() >= 0.99, "F1 " + at.f1());
        assertTrue(at.precision() >= 0.99, "precision " + at.precision());
    }

    @Test
    void theShippedModelLinksFebrl4WithF1OfAtLeast099() {
        EvaluationResult febrl4 = new Evaluation(shipped).linkage("febrl4", febrl("dataset4a.csv"),
                febrl("dataset4b.csv"));
        assertTrue(febrl4.atThreshold().f1() >= 0.99, "F1 " + febrl4.atThreshold().f1());
    }

    @Test
    void blockingProposesAlmostEveryTruePairOfFebrl3AndFewOthers() {
        assertTrue(febrl3.blocking().pairsCompleteness() >= 0.99, "pairs completeness "
                + febrl3.blocking().pairsCompleteness());
        assertTrue(febrl3.blocking().reductionRatio() >= 0.998, "reduction ratio " + febrl3.blocking().reductionRatio());
    }

    @Test
    void retrainingByTheDefaultRecipeReproducesTheShippedModel() {
        ModelArtifact retrained = DefaultModelRecipe.train("people", FEBRL);
        ModelMetadata was = shipped.metadata();
        ModelMetadata now = retrained.metadata();
        assertEquals(was.training(), now.training());
        assertEquals(was.thresholds().merge(), now.thresholds().merge(), 0.02);
        assertEquals(was.heldOut().f1(), now.heldOut().f1(), TOLERANCE);
        assertEquals(was.heldOut().precision(), now.heldOut().precision(), TOLERANCE);
        assertEquals(was.heldOut().recall(), now.heldOut().recall(), TOLERANCE);
        double retrainedF1 = new Evaluation(MatchModel.of(retrained)).dedup("febrl3", febrl("dataset3.csv"))
                .atThreshold().f1();
        assertEquals(febrl3.atThreshold().f1(), retrainedF1, TOLERANCE);
    }
}
