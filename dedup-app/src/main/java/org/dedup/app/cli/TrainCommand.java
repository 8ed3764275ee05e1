package org.dedup.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.dedup.app.DedupApplication;
import org.dedup.app.config.DedupConfig;
import org.dedup.domain.merge.MergeJournal;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.NotDuplicateStore;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SettingsStore;
import org.dedup.ml.blocking.Blocker;
import org.dedup.ml.matcher.LeadPersons;
import org.dedup.ml.model.Algorithm;
import org.dedup.ml.model.ModelArtifact;
import org.dedup.ml.model.ModelMetadata;
import org.dedup.ml.record.LabelledPairFiles;
import org.dedup.ml.record.RecordFiles;
import org.dedup.ml.training.DefaultModelRecipe;
import org.dedup.ml.training.TenantDecisions;
import org.dedup.ml.training.Trainer;
import org.dedup.ml.training.TrainingData;
import org.dedup.ml.training.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Trains a BIG DATA model from labelled records, labelled pairs, a tenant's decisions or the default recipe. */
@Command(name = "train", description = "Train a BIG DATA model and write it to one file.")
final class TrainCommand implements Callable<Integer> {
    private static final int MAX_TENANT_MERGES = 100_000;

    @ParentCommand
    DedupCommand parent;

    @Option(names = "--out", required = true, description = "the model file to write")
    Path out;

    @Option(names = "--default-recipe", description = "the shipped model's data: Febrl 1 and 2 plus generated "
            + "contact-style people (see --febrl-dir)")
    boolean defaultRecipe;

    @Option(names = "--febrl-dir", description = "where the Febrl files are (default: ${DEFAULT-VALUE})")
    Path febrlDirectory = DefaultModelRecipe.FEBRL_DIRECTORY;

    @Option(names = "--febrl", description = "a Febrl file (rec-<N>-org / rec-<N>-dup-<k> ids); repeatable")
    List<Path> febrl = new ArrayList<>();

    @Option(names = "--records", description = "a CSV of records with an id and a cluster column; repeatable")
    List<Path> records = new ArrayList<>();

    @Mixin
    ClusteredRecordColumns columns;

    @Option(names = "--pairs", description = "labelled pairs, CSV or JSON; repeatable")
    List<Path> pairs = new ArrayList<>();

    @Option(names = "--tenant", description = "also learn from this tenant's merges, unmerges and not-a-duplicate marks")
    String tenant;

    @Option(names = "--algorithm", description = "gradient_boosting, random_forest or logistic_regression "
            + "(default: ${DEFAULT-VALUE})")
    String algorithm = "gradient_boosting";

    @Option(names = "--seed", description = "seed of every random choice (default: ${DEFAULT-VALUE})")
    long seed = TrainingOptions.DEFAULT_SEED;

    @Override
    public Integer call() {
        TrainingData data = data();
        TrainingOptions options = TrainingOptions.defaults(algorithm()).withSeed(seed);
        ModelArtifact artifact = new Trainer().train(data, options);
        artifact.save(out);
        ModelMetadata metadata = artifact.metadata();
        System.out.printf(Locale.ROOT, "model written to %s%n  %s on %d pairs (%d duplicates) from %s%n"
                        + "  merge threshold %.2f, review threshold %.2f%n"
                        + "  held-out pairs (%d): precision %.4f, recall %.4f, F1 %.4f%n", out, metadata.algorithm(),
                metadata.training().pairs(), metadata.training().matches(), metadata.training().sources(),
                metadata.thresholds().merge(), metadata.thresholds().review(), metadata.heldOut().pairs(),
                metadata.heldOut().precision(), metadata.heldOut().recall(), metadata.heldOut().f1());
        return 0;
    }

    private TrainingData data() {
        Blocker blocker = new Blocker(DefaultModelRecipe.MAX_BLOCK);
        List<TrainingData> parts = new ArrayList<>();
        if (defaultRecipe) {
            parts.add(DefaultModelRecipe.trainingData(febrlDirectory));
        }
        febrl.forEach(f -> parts.add(TrainingData.fromRecords(RecordFiles.readFebrl(f), blocker, f.toString())));
        records.forEach(f -> parts.add(TrainingData.fromRecords(columns.read(f),
                blocker, f.toString())));
        pairs.forEach(f -> parts.add(TrainingData.fromPairs(LabelledPairFiles.read(f), f.toString())));
        if (tenant != null) {
            parts.add(tenantData(parent.config()));
        }
        if (parts.isEmpty()) {
            throw new InvalidRecordException("nothing to train on: give --default-recipe, --febrl, --records, --pairs "
                    + "or --tenant");
        }
        return parts.stream().reduce(TrainingData::plus).orElseThrow();
    }

    private TrainingData tenantData(DedupConfig config) {
        TenantId tenantId = new TenantId(tenant);
        try (DedupApplication app = DedupApplication.start(config)) {
            RecordStandardizer standardizer = app.get(RecordStandardizer.class);
            var options = app.get(SettingsStore.class).settings(tenantId).standardization();
            LeadPersons persons = LeadPersons.configured(ModelChoice.bigDataConfig(config));
            var decisions = new TenantDecisions(app.get(MergeJournal.class), app.get(NotDuplicateStore.class),
                    app.get(LeadRepository.class), lead -> standardizer.lead(lead, options), persons);
            return TrainingData.fromPairs(decisions.pairs(tenantId, MAX_TENANT_MERGES), "decisions of tenant " + tenant);
        }
    }

    private Algorithm algorithm() {
        try {
            return Algorithm.valueOf(algorithm.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException("--algorithm must be gradient_boosting, random_forest or "
                    + "logistic_regression, was '" + algorithm + "'");
        }
    }
}
