package org.dedup.ml.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dedup.ml.model.Algorithm;
import org.dedup.ml.model.ModelArtifact;
import org.dedup.ml.record.LabelledRecords;
import org.dedup.ml.record.PersonRecord;
import org.dedup.ml.record.RecordFiles;
import org.dedup.ml.record.RecordSchema;

/**
 * How the models shipped in this module are made, so anyone can make them again (gradient boosting, default seed):
 * <ul>
 *   <li>people: Febrl data sets 1 and 2 (never 3 or 4, which are kept for evaluation) plus 3,000 generated
 *   CRM-style people drawn from their name pools;</li>
 *   <li>companies: 6,000 generated company sites ({@link CompanyRecords}) whose names and streets are drawn from the
 *   Febrl 1 and 2 pools; no real company data (the Chicago sites it is evaluated on are never used).</li>
 * </ul>
 * {@code dedup train --default-recipe people|companies} runs them.
 */
public final class DefaultModelRecipe {
    /** Where the Febrl files are kept in the source tree, relative to the repository root. */
    public static final Path FEBRL_DIRECTORY = Path.of("dedup-ml-matcher", "data", "febrl");
    private static final int CONTACT_STYLE_PEOPLE = 3_000;
    private static final int COMPANY_SITES = 6_000;

    private DefaultModelRecipe() {
    }

    public static TrainingData trainingData(String schema, Path febrlDirectory) {
        LabelledRecords febrl1 = RecordFiles.readFebrl(febrlDirectory.resolve("dataset1.csv"));
        LabelledRecords febrl2 = RecordFiles.readFebrl(febrlDirectory.resolve("dataset2.csv"));
        List<PersonRecord> pool = new ArrayList<>(febrl1.records());
        pool.addAll(febrl2.records());
        if (schema.equals("companies")) {
            return TrainingData.fromRecords(new CompanyRecords(TrainingOptions.DEFAULT_SEED, pool)
                    .generate(COMPANY_SITES), "generated company sites (seed " + TrainingOptions.DEFAULT_SEED + ")");
        }
        LabelledRecords contacts = new ContactStyleRecords(TrainingOptions.DEFAULT_SEED, pool)
                .generate(CONTACT_STYLE_PEOPLE);
        return TrainingData.fromRecords(febrl1, "febrl1")
                .plus(TrainingData.fromRecords(febrl2, "febrl2"))
                .plus(TrainingData.fromRecords(contacts, "generated contact-style people (seed "
                        + TrainingOptions.DEFAULT_SEED + ")"));
    }

    /** Trains the shipped model of {@code schema}: {@code people} or {@code companies}. */
    public static ModelArtifact train(String schema, Path febrlDirectory) {
        return new Trainer().train(trainingData(schema, febrlDirectory),
                TrainingOptions.defaults(Algorithm.GRADIENT_BOOSTING, RecordSchema.named(schema)));
    }
}
