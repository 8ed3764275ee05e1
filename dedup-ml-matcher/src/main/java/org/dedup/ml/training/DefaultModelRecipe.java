package org.dedup.ml.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dedup.ml.blocking.Blocker;
import org.dedup.ml.model.Algorithm;
import org.dedup.ml.model.ModelArtifact;
import org.dedup.ml.record.LabelledRecords;
import org.dedup.ml.record.PersonRecord;
import org.dedup.ml.record.RecordFiles;

/**
 * How the model shipped in this module is made, so anyone can make it again: gradient boosting with the default
 * seed on Febrl data sets 1 and 2 (never 3 or 4, which are kept for evaluation) plus 3,000 generated CRM-style
 * people drawn from their name pools. {@code dedup train --default-recipe} runs it.
 */
public final class DefaultModelRecipe {
    /** Where the Febrl files are kept in the source tree, relative to the repository root. */
    public static final Path FEBRL_DIRECTORY = Path.of("dedup-ml-matcher", "data", "febrl");
    /** The largest block the in-memory blocker expands: far above any real duplicate set in these data. */
    public static final int MAX_BLOCK = 1_000;
    private static final int CONTACT_STYLE_PEOPLE = 3_000;

    private DefaultModelRecipe() {
    }

    public static TrainingData trainingData(Path febrlDirectory) {
        Blocker blocker = new Blocker(MAX_BLOCK);
        LabelledRecords febrl1 = RecordFiles.readFebrl(febrlDirectory.resolve("dataset1.csv"));
        LabelledRecords febrl2 = RecordFiles.readFebrl(febrlDirectory.resolve("dataset2.csv"));
        List<PersonRecord> namePool = new ArrayList<>(febrl1.records());
        namePool.addAll(febrl2.records());
        LabelledRecords contacts = new ContactStyleRecords(TrainingOptions.DEFAULT_SEED, namePool)
                .generate(CONTACT_STYLE_PEOPLE);
        return TrainingData.fromRecords(febrl1, blocker, "febrl1")
                .plus(TrainingData.fromRecords(febrl2, blocker, "febrl2"))
                .plus(TrainingData.fromRecords(contacts, blocker, "generated contact-style people (seed "
                        + TrainingOptions.DEFAULT_SEED + ")"));
    }

    public static ModelArtifact train(Path febrlDirectory) {
        return new Trainer().train(trainingData(febrlDirectory), TrainingOptions.defaults(Algorithm.GRADIENT_BOOSTING));
    }
}
