package org.dedup.ml.evaluate;

import org.dedup.ml.model.MatchModel;
import org.dedup.ml.model.ModelArtifact;
import org.junit.jupiter.api.Test;

import static org.dedup.ml.TestData.chicago;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards the shipped company model on real data it never saw (it is trained on generated sites only): the Chicago
 * early-childhood sites, deduplicated at the model's merge threshold.
 */
class ChicagoAccuracyTest {
    @Test
    void theShippedCompanyModelDeduplicatesTheChicagoSitesWithF1OfAtLeast085() {
        EvaluationResult chicago = new Evaluation(MatchModel.of(ModelArtifact.bundledCompanies()))
                .dedup("chicago", chicago("chicago.csv"));
        assertTrue(chicago.atThreshold().f1() >= 0.85, "F1 " + chicago.atThreshold().f1());
        assertTrue(chicago.blocking().pairsCompleteness() >= 0.95, "pairs completeness "
                + chicago.blocking().pairsCompleteness());
    }
}
