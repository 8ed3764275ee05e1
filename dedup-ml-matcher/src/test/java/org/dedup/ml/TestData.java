package org.dedup.ml;

import java.nio.file.Path;

import org.dedup.ml.blocking.Blocker;
import org.dedup.ml.blocking.BlockingKeys;
import org.dedup.ml.model.Algorithm;
import org.dedup.ml.model.ModelArtifact;
import org.dedup.ml.record.LabelledRecords;
import org.dedup.ml.record.RecordFiles;
import org.dedup.ml.record.RecordSchema;
import org.dedup.ml.training.Trainer;
import org.dedup.ml.training.TrainingData;
import org.dedup.ml.training.TrainingOptions;

/**
 * The Febrl and Chicago files shipped in this module (tests run in the module directory) and small models trained on
 * them.
 */
public final class TestData {
    public static final Path FEBRL = Path.of("data", "febrl");
    public static final Path CHICAGO = Path.of("data", "chicago");
    /** Every blocking rule of the people schema. */
    public static final Blocker BLOCKER = new Blocker(BlockingKeys.all(RecordSchema.people()));

    private TestData() {
    }

    public static LabelledRecords febrl(String file) {
        return RecordFiles.readFebrl(FEBRL.resolve(file));
    }

    /** A Chicago file mapped to the company schema. */
    public static LabelledRecords chicago(String file) {
        return RecordFiles.readClustered(CHICAGO.resolve(file), RecordSchema.companies(), "id", "cluster");
    }

    /** A model trained on Febrl 1 only: quick to make, good enough to test mechanics. */
    public static ModelArtifact smallModel(Algorithm algorithm) {
        return new Trainer().train(TrainingData.fromRecords(febrl("dataset1.csv"), "febrl1"),
                TrainingOptions.defaults(algorithm, RecordSchema.people()));
    }
}
