package org.dedup.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.ml.evaluate.Confusion;
import org.dedup.ml.evaluate.Evaluation;
import org.dedup.ml.evaluate.EvaluationReport;
import org.dedup.ml.evaluate.EvaluationResult;
import org.dedup.ml.model.MatchModel;
import org.dedup.ml.record.RecordFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Evaluates a BIG DATA model on labelled data: deduplication of one file or linkage of two. */
@Command(name = "evaluate", description = "Precision, recall, F1, PR curve, "
        + "per-threshold table, blocking per rule, worst mistakes, feature importance and calibration of a model on "
        + "labelled data, written as JSON and HTML.")
final class EvaluateCommand implements Callable<Integer> {
    @ParentCommand
    DedupCommand parent;

    @Mixin
    ModelChoice modelChoice;

    @Option(names = "--febrl", description = "a Febrl file to deduplicate")
    Path febrl;

    @Option(names = "--linkage", arity = "2", description = "two Febrl files to link (LEFT RIGHT)")
    List<Path> linkage;

    @Option(names = "--records", description = "a CSV of records with an id and a cluster column to deduplicate")
    Path records;

    @Mixin
    ClusteredRecordColumns columns;

    @Option(names = "--report", description = "directory for <dataset>.json and <dataset>.html (default: "
            + "${DEFAULT-VALUE})")
    Path report = Path.of("evaluation");

    @Override
    public Integer call() {
        MatchModel model = MatchModel.of(modelChoice.artifact(parent.config()));
        Evaluation evaluation = new Evaluation(model);
        EvaluationResult result;
        if (febrl != null) {
            result = evaluation.dedup(name(febrl), RecordFiles.readFebrl(febrl));
        } else if (linkage != null) {
            result = evaluation.linkage(name(linkage.get(0)) + "-" + name(linkage.get(1)),
                    RecordFiles.readFebrl(linkage.get(0)), RecordFiles.readFebrl(linkage.get(1)));
        } else if (records != null) {
            result = evaluation.dedup(name(records), columns.read(records, model.metadata().recordSchema()));
        } else {
            throw new InvalidRecordException("give --febrl FILE, --linkage LEFT RIGHT or --records FILE");
        }
        Confusion at = result.atThreshold();
        System.out.printf(Locale.ROOT, "%s: precision %.4f, recall %.4f, F1 %.4f at threshold %.2f "
                        + "(TP %d, FP %d, FN %d, TN %d; review at %.2f)%nblocking: %d candidate pairs of %d (%.2f per "
                        + "record), pairs completeness %.4f, reduction ratio %.6f%n", result.dataset(), at.precision(),
                at.recall(), at.f1(), at.threshold(), at.truePositives(), at.falsePositives(), at.falseNegatives(),
                at.trueNegatives(), model.thresholds().review(), result.blocking().candidatePairs(),
                result.blocking().possiblePairs(), result.blocking().candidatesPerRecord(),
                result.blocking().pairsCompleteness(), result.blocking().reductionRatio());
        result.vetoesByRule().forEach((rule, counts) -> System.out.printf(Locale.ROOT, "evidence rule %s kept %d "
                + "candidate pairs from merging (%d of them duplicates)%n", rule, counts[0], counts[1]));
        EvaluationReport.write(result, report).forEach(file -> System.out.println("report: " + file));
        return 0;
    }

    private static String name(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
