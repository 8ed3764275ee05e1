package org.dedup.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.function.Function;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.ml.active.ActiveLearner;
import org.dedup.ml.active.LabelCorrection;
import org.dedup.ml.active.LearningCurve;
import org.dedup.ml.model.MatchModel;
import org.dedup.ml.record.LabelledRecords;
import org.dedup.ml.record.RecordFiles;
import org.dedup.ml.record.RecordSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The learning curve of active labelling: held-out F1 against the number of labels, a simulated person answering
 * from the ground truth of a labelled pool, the pairs chosen actively or at random.
 */
@Command(name = "learning-curve", description = "Held-out precision, recall and F1 of a model after 0, 25, 50, 100 "
        + "and 200 labels answered from the ground truth of a labelled pool, the pairs chosen as dedup label chooses "
        + "them (active, refitted as it goes) or at random among the same candidates (one run per seed).")
final class LearningCurveCommand implements Callable<Integer> {
    @ParentCommand
    DedupCommand parent;

    @Mixin
    ModelChoice modelChoice;

    @Option(names = "--pool", description = "a CSV of records with an id and a cluster column to label from")
    Path pool;

    @Option(names = "--held-out", description = "a CSV of records with an id and a cluster column to evaluate on")
    Path heldOut;

    @Option(names = "--febrl-pool", description = "a Febrl file to label from; repeatable (the files are one set)")
    List<Path> febrlPool = new ArrayList<>();

    @Option(names = "--febrl-held-out", description = "a Febrl file to evaluate on")
    Path febrlHeldOut;

    @Mixin
    ClusteredRecordColumns columns;

    @Option(names = "--labels", split = ",", description = "the numbers of labels (default: ${DEFAULT-VALUE})")
    List<Integer> budgets = new ArrayList<>(List.of(0, 25, 50, 100, 200));

    @Option(names = "--random-seeds", description = "how many random runs, seeds 1..N (default: ${DEFAULT-VALUE})")
    int seeds = 5;

    @Option(names = "--refit-every", description = "answers between two refits of the active learner (default: "
            + "${DEFAULT-VALUE})")
    int refitEvery = ActiveLearner.DEFAULT_REFIT_EVERY;

    @Override
    public Integer call() {
        MatchModel model = MatchModel.of(modelChoice.artifact(parent.config()));
        RecordSchema schema = model.metadata().recordSchema();
        LabelledRecords poolRecords = read(pool, febrlPool, schema, "--pool or --febrl-pool");
        LabelledRecords heldOutRecords = read(heldOut, febrlHeldOut == null ? List.of() : List.of(febrlHeldOut),
                schema, "--held-out or --febrl-held-out");
        if (refitEvery < 1 || seeds < 0) {
            throw new InvalidRecordException("--refit-every must be at least 1 and --random-seeds at least 0");
        }
        LearningCurve curve = new LearningCurve(model, poolRecords, heldOutRecords, refitEvery,
                LabelCorrection.DEFAULT_PENALTY);
        System.out.printf(Locale.ROOT, "pool: %d records, %d true pairs; held out: %d records, %d true pairs%n",
                poolRecords.records().size(), poolRecords.truePairCount(), heldOutRecords.records().size(),
                heldOutRecords.truePairCount());
        System.out.println("| choice | seed | labels | of them matches | precision | recall | F1 |");
        System.out.println("|---|---|---|---|---|---|---|");
        LearningCurve.Point none = curve.unlabelled();
        print(none);
        List<LearningCurve.Point> active = curve.active(budgets);
        active.forEach(LearningCurveCommand::print);
        List<LearningCurve.Point> random = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            List<LearningCurve.Point> run = curve.random(budgets, seed);
            run.forEach(LearningCurveCommand::print);
            random.addAll(run);
        }
        summary(none, active, random);
        return 0;
    }

    private void summary(LearningCurve.Point none, List<LearningCurve.Point> active,
                         List<LearningCurve.Point> random) {
        System.out.printf(Locale.ROOT, "F1 with no label %.4f%n", none.f1());
        for (int budget : budgets.stream().filter(b -> b > 0).sorted().distinct().toList()) {
            OptionalDouble activeF1 = active.stream().filter(p -> p.labels() == budget)
                    .mapToDouble(LearningCurve.Point::f1).average();
            List<Double> randomF1 = random.stream().filter(p -> p.labels() == budget).map(LearningCurve.Point::f1)
                    .toList();
            System.out.printf(Locale.ROOT, "%d labels: active F1 %s (gain %s); random F1 mean %s, min %s, max %s "
                            + "(gain of the mean %s)%n", budget, f(activeF1, Function.identity()),
                    f(activeF1, f1 -> f1 - none.f1()), f(mean(randomF1), Function.identity()),
                    f(randomF1.stream().mapToDouble(Double::doubleValue).min(), Function.identity()),
                    f(randomF1.stream().mapToDouble(Double::doubleValue).max(), Function.identity()),
                    f(mean(randomF1), f1 -> f1 - none.f1()));
        }
    }

    private static OptionalDouble mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average();
    }

    private static String f(OptionalDouble value, Function<Double, Double> shown) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.4f", shown.apply(value.getAsDouble())) : "-";
    }

    private static void print(LearningCurve.Point point) {
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %.4f | %.4f | %.4f |%n", point.choice(),
                point.seed() == 0 ? "-" : String.valueOf(point.seed()), point.labels(), point.matches(),
                point.precision(), point.recall(), point.f1());
    }

    private LabelledRecords read(Path records, List<Path> febrl, RecordSchema schema, String what) {
        if (records != null && febrl.isEmpty()) {
            return columns.read(records, schema);
        }
        if (records == null && !febrl.isEmpty()) {
            return febrl.stream().map(RecordFiles::readFebrl).reduce(LabelledRecords::plus).orElseThrow();
        }
        throw new InvalidRecordException("give one of " + what);
    }
}
