package org.dedup.app.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.ml.active.ActiveLearner;
import org.dedup.ml.model.MatchModel;
import org.dedup.ml.record.RecordFiles;
import org.dedup.ml.record.RecordSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Labels pairs in the terminal, the ones the model is least sure of first, for {@code train --pairs}. */
@Command(name = "label", description = "Label candidate pairs of a record file in "
        + "the terminal, the ones the model is least sure of first (both records side by side; y/n/unsure/quit), the model refitted on the answers as they come; "
        + "each answer is appended to --out at once, and train --pairs learns from it.")
final class LabelCommand implements Callable<Integer> {
    @ParentCommand
    DedupCommand parent;

    @Mixin
    ModelChoice modelChoice;

    @Option(names = "--records", required = true, description = "a CSV of records (the model's attribute names and "
            + "an id column)")
    Path records;

    @Option(names = "--id-column", description = "id column of --records (default: ${DEFAULT-VALUE})")
    String idColumn = "id";

    @Option(names = "--ignore-column", description = "a column of --records to leave out, e.g. a cluster column; "
            + "repeatable")
    List<String> ignored = List.of();

    @Option(names = "--refit-every", description = "refit the model on the answers so far after every N answers, so "
            + "the next pair reflects them (default: ${DEFAULT-VALUE})")
    int refitEvery = ActiveLearner.DEFAULT_REFIT_EVERY;

    @Option(names = "--out", required = true, description = "the labelled-pairs CSV to append the answers to")
    Path out;

    @Override
    public Integer call() {
        MatchModel model = MatchModel.of(modelChoice.artifact(parent.config()));
        RecordSchema schema = model.metadata().recordSchema();
        if (refitEvery < 1) {
            throw new InvalidRecordException("--refit-every must be at least 1, was " + refitEvery);
        }
        ActiveLearner pairs = ActiveLearner.of(model, RecordFiles.readUnlabelled(records, schema, idColumn,
                Set.copyOf(ignored)), refitEvery);
        new LabelSession(pairs, schema, out, new BufferedReader(new InputStreamReader(System.in,
                StandardCharsets.UTF_8)), new PrintWriter(System.out, true, StandardCharsets.UTF_8)).run();
        return 0;
    }
}
