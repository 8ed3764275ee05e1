package org.dedup.ml.training;

import org.dedup.ml.evaluate.Confusion;
import org.dedup.ml.evaluate.Evaluation;
import org.dedup.ml.model.Algorithm;
import org.dedup.ml.model.MatchModel;
import org.dedup.ml.model.ModelArtifact;
import org.dedup.ml.model.ModelMetadata;
import org.dedup.ml.record.LabelledRecords;
import org.dedup.ml.record.RecordSchema;
import org.junit.jupiter.api.Test;

import static org.dedup.ml.TestData.FEBRL;
import static org.dedup.ml.TestData.chicago;
import static org.dedup.ml.TestData.febrl;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an engineer gets from retraining on a small labelled file (the first 1,000 records, as {@code dedup train
 * --records FILE --first 1000} does, the shipped recipe learnt along, the shipped model kept when the file holds too
 * few duplicates to tell): on the rest of the data, at its own merge threshold, never a lower F1 than the shipped
 * model, and a review band below the merge threshold.
 */
class RetrainingTest {
    private static final int FIRST = 1_000;

    @Test
    void aPeopleModelTrainedOnTheFirst1000RecordsOfFebrl2IsNoWorseOnFebrl3ThanTheShippedOne() {
        assertNoWorse("people", febrl("dataset2.csv").first(FIRST), febrl("dataset3.csv"), ModelArtifact.bundled());
    }

    @Test
    void aFileTooSmallToShowABetterModelKeepsTheShippedOneAndSaysSo() {
        ModelArtifact kept = new Trainer().train(TrainingData.fromRecords(febrl("dataset2.csv").first(FIRST), "small")
                .plus(DefaultModelRecipe.trainingData("people", FEBRL).asBase()), TrainingOptions.defaults(
                Algorithm.GRADIENT_BOOSTING, RecordSchema.people()), ModelArtifact.bundled());
        assertTrue(kept.metadata().notes().stream().anyMatch(n -> n.startsWith("kept the shipped model")),
                kept.metadata().notes().toString());
    }

    @Test
    void aCompanyModelTrainedOnTheFirst1000ChicagoSitesIsNoWorseOnTheOthersThanTheShippedOne() {
        assertNoWorse("companies", chicago("chicago_first1000.csv"), chicago("chicago_rest.csv"),
                ModelArtifact.bundledCompanies());
    }

    private static void assertNoWorse(String schema, LabelledRecords first, LabelledRecords rest,
                                      ModelArtifact shipped) {
        TrainingData data = TrainingData.fromRecords(first, "first " + FIRST)
                .plus(DefaultModelRecipe.trainingData(schema, FEBRL).asBase());
        ModelArtifact retrained = new Trainer().train(data, TrainingOptions.defaults(Algorithm.GRADIENT_BOOSTING,
                RecordSchema.named(schema)), shipped);
        Confusion ours = new Evaluation(MatchModel.of(retrained)).dedup("rest", rest).atThreshold();
        Confusion theirs = new Evaluation(MatchModel.of(shipped)).dedup("rest", rest).atThreshold();
        assertTrue(ours.f1() >= theirs.f1(), "retrained F1 " + ours.f1() + " < shipped F1 " + theirs.f1());
        ModelMetadata.Thresholds thresholds = retrained.metadata().thresholds();
        assertTrue(thresholds.review() < thresholds.merge(), thresholds.toString());
    }
}
