package org.dedup.ml.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.ml.model.Algorithm;
import org.dedup.ml.model.MatchModel;
import org.dedup.ml.TestData;
import org.dedup.ml.model.ModelArtifact;
import org.dedup.ml.model.ModelMetadata;
import org.dedup.ml.record.LabelledPair;
import org.dedup.ml.record.LabelledPairFiles;
import org.dedup.ml.record.LabelledRecords;
import org.dedup.ml.record.PersonPair;
import org.dedup.ml.record.RecordFiles;
import org.dedup.ml.record.RecordSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.dedup.ml.Persons.aPerson;
import static org.dedup.ml.TestData.febrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingTest {
    @TempDir
    Path dir;

    @Test
    void theSameDataAndSeedGiveTheSameModel() {
        TrainingData data = TrainingData.fromRecords(febrl("dataset1.csv"), "febrl1");
        TrainingOptions options = TrainingOptions.defaults(Algorithm.RANDOM_FOREST, RecordSchema.people());
        ModelArtifact first = new Trainer().train(data, options);
        ModelArtifact second = new Trainer().train(data, options);
        PersonPair pair = new PersonPair(data.records().get(0), data.records().get(1));
        assertEquals(MatchModel.of(first).probability(pair.first(), pair.second()),
                MatchModel.of(second).probability(pair.first(), pair.second()), 1e-12);
        assertEquals(first.metadata().heldOut(), second.metadata().heldOut());
    }

    @Test
    void labelledRecordsGiveEveryTruePairTheBlockedCandidatesAndAsManyRandomPairsAsRecords() {
        ModelMetadata.TrainingSummary summary = TestData.smallModel(Algorithm.LOGISTIC_REGRESSION).metadata()
                .training();
        assertEquals(500, summary.matches());
        assertTrue(summary.nonMatches() >= 990, "non-duplicates " + summary.nonMatches());
        assertTrue(summary.candidateMatchShare() > 0 && summary.candidateMatchShare() < 1);
    }

    @Test
    void theMergeThresholdIsAtLeastOneHalfAndTheReviewBandBelowItIsNotEmpty() {
        ModelMetadata.Thresholds thresholds = TestData.smallModel(Algorithm.GRADIENT_BOOSTING).metadata()
                .thresholds();
        assertTrue(thresholds.merge() >= 0.5, "merge " + thresholds.merge());
        assertTrue(thresholds.review() < thresholds.merge(), thresholds.toString());
    }

    @Test
    void tooFewHeldOutDuplicatesFallBackToDefaultThresholdsAndSaySo() {
        ModelArtifact model = new Trainer().train(TrainingData.fromRecords(febrl("dataset1.csv").first(400),
                "400 records"), TrainingOptions.defaults(Algorithm.LOGISTIC_REGRESSION, RecordSchema.people()));
        assertEquals(new ModelMetadata.Thresholds(0.9, 0.5), model.metadata().thresholds());
        assertTrue(model.metadata().notes().stream().anyMatch(n -> n.contains("the precision estimate is unstable")),
                model.metadata().notes().toString());
    }

    @Test
    void trainingNeedsDuplicatesAndNonDuplicates() {
        List<LabelledPair> onlyDuplicates = List.of(new LabelledPair(new PersonPair(
                aPerson("a").named("john", "smith").build(), aPerson("b").named("jon", "smith").build()), true));
        TrainingData data = TrainingData.fromPairs(onlyDuplicates, "one pair");
        InvalidRecordException error = assertThrows(InvalidRecordException.class,
                () -> new Trainer().train(data, TrainingOptions.defaults(Algorithm.GRADIENT_BOOSTING,
                        RecordSchema.people())));
        assertTrue(error.getMessage().contains("needs at least 20 duplicate and 20 non-duplicate pairs"),
                error.getMessage());
        assertTrue(error.getMessage().contains("give 1 duplicates and 0 non-duplicates"), error.getMessage());
    }

    @Test
    void labelledPairsAreReadFromCsvAndFromJson() throws IOException {
        Path csv = Files.writeString(dir.resolve("pairs.csv"), """
                match,left_given_name,left_surname,left_email,right_given_name,right_surname,right_email
                1,john,smith,js@x.io,jon,smith,js@x.io
                no,john,smith,,maria,lopez,ml@y.io
                """);
        Path json = Files.writeString(dir.resolve("pairs.json"), """
                [{"match": true, "left": {"given_name": "Ana", "phone": "+442079460958"},
                  "right": {"given_name": "Anna", "phone": "+442079460958"}}]
                """);
        List<LabelledPair> fromCsv = LabelledPairFiles.read(csv, RecordSchema.people());
        assertEquals(2, fromCsv.size());
        assertTrue(fromCsv.get(0).match());
        assertFalse(fromCsv.get(1).match());
        assertEquals("js@x.io", fromCsv.get(0).pair().second().emails().iterator().next());
        LabelledPair fromJson = LabelledPairFiles.read(json, RecordSchema.people()).getFirst();
        assertTrue(fromJson.match());
        assertEquals("anna", fromJson.pair().second().value(org.dedup.ml.record.Attribute.GIVEN_NAME));
    }

    @Test
    void anUnknownColumnIsRefusedByName() throws IOException {
        Path csv = Files.writeString(dir.resolve("records.csv"), "id,cluster,given_name,surnme\n1,a,john,smith\n");
        InvalidRecordException error = assertThrows(InvalidRecordException.class,
                () -> RecordFiles.readClustered(csv, RecordSchema.people(), "id", "cluster"));
        assertTrue(error.getMessage().contains("unknown column 'surnme'"), error.getMessage());
    }

    @Test
    void recordsWithAClusterColumnAreLabelledByIt() throws IOException {
        Path csv = Files.writeString(dir.resolve("records.csv"), """
                id,cluster,given_name,surname,phone
                1,a,john,smith,+442079460958
                2,a,jon,smith,
                3,b,maria,lopez,+34911234567;+34600111222
                """);
        LabelledRecords records = RecordFiles.readClustered(csv, RecordSchema.people(), "id", "cluster");
        assertEquals(1, records.truePairCount());
        assertEquals(2, records.records().get(2).phones().size());
    }
}
