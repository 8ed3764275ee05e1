package org.dedup.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import com.google.inject.Inject;

import org.dedup.app.config.DedupConfig;
import org.dedup.app.http.LabelService;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.TenantId;
import org.dedup.ml.active.LabelledModel;
import org.dedup.ml.matcher.BigDataMatcherProvider;
import org.dedup.ml.matcher.LeadPersons;
import org.dedup.ml.model.Algorithm;
import org.dedup.ml.model.ModelArtifact;
import org.dedup.ml.model.ModelMetadata;
import org.dedup.ml.record.LabelledPairFiles;
import org.dedup.ml.record.LabelledRecords;
import org.dedup.ml.record.PersonRecord;
import org.dedup.ml.record.RecordFiles;
import org.dedup.ml.record.RecordSchema;
import org.dedup.ml.training.DefaultModelRecipe;
import org.dedup.ml.training.Trainer;
import org.dedup.ml.training.TrainingData;
import org.dedup.ml.training.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Trains a BIG DATA model from labelled records, labelled pairs, a tenant's decisions or the default recipe. */
@Command(name = "train", description = "Train a BIG DATA model and write it to one "
        + "file: blocking rules chosen on the labelled records, thresholds chosen for the merge precision aim.")
final class TrainCommand implements Callable<Integer>, OnApplication {
    @Option(names = "--out", required = true, description = "the model file to write")
    Path out;

    @Option(names = "--default-recipe", description = "add a shipped model's data: people (Febrl 1 and 2 plus "
            + "generated contact-style people) or companies (generated company sites); see --febrl-dir")
    String defaultRecipe;

    @Option(names = "--schema", description = "the record schema: people, companies, or a JSON file declaring "
            + "attributes (name, kind) and sources (default: the --default-recipe's, else people)")
    String schema;

    @Option(names = "--febrl-dir", description = "where the Febrl files are (default: ${DEFAULT-VALUE})")
    Path febrlDirectory = DefaultModelRecipe.FEBRL_DIRECTORY;

    @Option(names = "--febrl", description = "a Febrl file (rec-<N>-org / rec-<N>-dup-<k> ids); repeatable")
    List<Path> febrl = new ArrayList<>();

    @Option(names = "--records", description = "a CSV of records with an id and a cluster column; repeatable")
    List<Path> records = new ArrayList<>();

    @Mixin
    ClusteredRecordColumns columns;

    @Option(names = "--no-base", description = "learn from the given data only; by default the shipped recipe of a "
            + "shipped schema (people, companies) is learnt along, and the thresholds are chosen on the given data")
    boolean noBase;

    @Option(names = "--first", description = "use only the first N records of each --febrl and --records file")
    Integer first;

    @Option(names = "--pairs", description = "labelled pairs, CSV or JSON; repeatable")
    List<Path> pairs = new ArrayList<>();

    @Option(names = "--tenant", description = "also learn from this tenant's merges, unmerges, not-a-duplicate marks "
            + "and labelled pairs (POST /v1/labels)")
    String tenant;

    @Option(names = "--label-records", description = "the records CSV the --pairs were labelled among (dedup label "
            + "--records, its id column 'id'): with few labels, the shipped model corrected by them is written, as "
            + "the labelling session and the learning curve corrected it over these records' candidates "
            + "(default: the labelled pairs' own records, or the --tenant's records)")
    Path labelRecords;

    @Option(names = "--label-ignore-column", description = "a column of --label-records to leave out, e.g. a "
            + "cluster column; repeatable")
    List<String> labelIgnored = new ArrayList<>();

    @Option(names = "--algorithm", description = "gradient_boosting, random_forest or logistic_regression "
            + "(default: ${DEFAULT-VALUE})")
    String algorithm = "gradient_boosting";

    @Option(names = "--seed", description = "seed of every random choice (default: ${DEFAULT-VALUE})")
    long seed = TrainingOptions.DEFAULT_SEED;

    /** Training on files alone. */
    @Override
    public Integer call() {
        return train(List.of(), List.of());
    }

    /** The application only for a tenant's decisions. */
    @Override
    public boolean needsApplication() {
        return tenant != null;
    }

    @Override
    public Class<WithTenantDecisions> command() {
        return WithTenantDecisions.class;
    }

    /** Trains; {@code tenantRecords} are the tenant's records a labelling session chooses among (none without one). */
    private int train(List<TrainingData> tenantData, List<PersonRecord> tenantRecords) {
        RecordSchema recordSchema = recordSchema();
        TrainingData data = data(recordSchema, tenantData);
        TrainingOptions options = TrainingOptions.defaults(algorithm(), recordSchema).withSeed(seed);
        ModelArtifact shippedModel = data.baseSets().isEmpty() ? null
                : BigDataMatcherProvider.model(recordSchema.name());
        ModelArtifact artifact = new Trainer().train(data, options, shippedModel);
        if (shippedModel != null && artifact.classifier() == shippedModel.classifier() && !data.pairs().isEmpty()) {
            // too few labels to retrain: what they teach is kept as the session keeps it, a correction of the model
            artifact = LabelledModel.of(artifact, labelRecords(recordSchema, data, tenantRecords), data.pairs());
        }
        artifact.save(out);
        ModelMetadata metadata = artifact.metadata();
        System.out.printf(Locale.ROOT, "model written to %s%n  %s, schema %s, on %d pairs (%d duplicates) from %s%n"
                        + "  blocking rules %s: pairs completeness %.4f, %.1f candidate pairs per record%n"
                        + "  merge threshold %.2f, review threshold %.2f%n"
                        + "  held-out candidates (%d, %d duplicates): precision %.4f, recall %.4f, F1 %.4f%n", out,
                metadata.algorithm(), recordSchema.name(), metadata.training().pairs(), metadata.training().matches(),
                metadata.training().sources(), metadata.blocking().rules(), metadata.blocking().pairsCompleteness(),
                metadata.blocking().candidatesPerRecord(), metadata.thresholds().merge(),
                metadata.thresholds().review(), metadata.heldOut().pairs(), metadata.heldOut().matches(),
                metadata.heldOut().precision(), metadata.heldOut().recall(), metadata.heldOut().f1());
        metadata.notes().forEach(note -> System.out.println("  note: " + note));
        return 0;
    }

    /** The records the labels' correction is standardized over, as the labelling session's candidates were. */
    private List<PersonRecord> labelRecords(RecordSchema recordSchema, TrainingData data,
                                            List<PersonRecord> tenantRecords) {
        if (labelRecords != null) {
            return RecordFiles.readUnlabelled(labelRecords, recordSchema, "id", Set.copyOf(labelIgnored));
        }
        if (!tenantRecords.isEmpty()) {
            return tenantRecords;
        }
        Map<String, PersonRecord> byId = new LinkedHashMap<>();
        data.pairs().forEach(p -> {
            byId.putIfAbsent(p.pair().first().id(), p.pair().first());
            byId.putIfAbsent(p.pair().second().id(), p.pair().second());
        });
        return List.copyOf(byId.values());
    }

    private RecordSchema recordSchema() {
        String name = schema != null ? schema : defaultRecipe != null ? defaultRecipe : "people";
        return SchemaFiles.schema(name);
    }

    private TrainingData data(RecordSchema recordSchema, List<TrainingData> tenantData) {
        List<TrainingData> parts = new ArrayList<>();
        if (defaultRecipe != null) {
            parts.add(DefaultModelRecipe.trainingData(defaultRecipe, febrlDirectory));
        }
        boolean shipped = recordSchema.name().equals("people") || recordSchema.name().equals("companies");
        if (defaultRecipe == null && shipped && !noBase) {
            parts.add(DefaultModelRecipe.trainingData(recordSchema.name(), febrlDirectory).asBase());
        }
        febrl.forEach(f -> parts.add(TrainingData.fromRecords(first(RecordFiles.readFebrl(f)), source(f))));
        records.forEach(f -> parts.add(TrainingData.fromRecords(first(columns.read(f, recordSchema)), source(f))));
        pairs.forEach(f -> parts.add(TrainingData.fromPairs(LabelledPairFiles.read(f, recordSchema), f.toString())));
        parts.addAll(tenantData);
        if (parts.isEmpty() || parts.stream().allMatch(p -> p.recordSets().isEmpty() && p.pairs().isEmpty())) {
            throw new InvalidRecordException("nothing to train on: give --default-recipe, --febrl, --records, --pairs "
                    + "or --tenant");
        }
        return parts.stream().reduce(TrainingData::plus).orElseThrow();
    }

    private String source(Path file) {
        return file + (first == null ? "" : " (first " + first + " records)");
    }

    private LabelledRecords first(LabelledRecords labelled) {
        if (first == null) {
            return labelled;
        }
        if (first < 2) {
            throw new InvalidRecordException("--first must be at least 2, was " + first);
        }
        return labelled.first(first);
    }

    private Algorithm algorithm() {
        try {
            return Algorithm.valueOf(algorithm.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException("--algorithm must be gradient_boosting, random_forest or "
                    + "logistic_regression, was '" + algorithm + "'");
        }
    }

    /**
     * Training with a tenant's merges, unmerges and not-a-duplicate marks and its answers to {@code POST /v1/labels}
     * as labelled pairs, of the records the trained schema compares: leads and contacts for a person schema,
     * companies for a company schema.
     */
    record WithTenantDecisions(TrainCommand options, DedupConfig config, LabelService labels)
            implements Callable<Integer> {
        @Inject
        WithTenantDecisions {
        }

        @Override
        public Integer call() {
            TenantId tenant = new TenantId(options.tenant);
            LabelService.Training training = labels.training(tenant,
                    LeadPersons.configured(options.recordSchema(), ModelChoice.bigDataConfig(config)));
            return options.train(List.of(TrainingData.fromPairs(training.decisions(), "decisions of tenant " + tenant),
                    TrainingData.fromPairs(training.answers(), "labels of tenant " + tenant)), training.records());
        }
    }
}
