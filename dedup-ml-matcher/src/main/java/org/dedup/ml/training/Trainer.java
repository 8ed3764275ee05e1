package org.dedup.ml.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.dedup.ml.evaluate.Confusion;
import org.dedup.ml.evaluate.ScoredPairs;
import org.dedup.ml.features.PairFeatures;
import org.dedup.ml.features.PreparedRecord;
import org.dedup.ml.features.ValueFrequencies;
import org.dedup.ml.model.Algorithm;
import org.dedup.ml.model.CalibratedClassifier;
import org.dedup.ml.model.ModelArtifact;
import org.dedup.ml.model.ModelMetadata;
import org.dedup.ml.model.PairClassifier;
import org.dedup.ml.record.LabelledPair;
import org.dedup.ml.record.PersonRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import smile.classification.GradientTreeBoost;
import smile.classification.LogisticRegression;
import smile.classification.PlattScaling;
import smile.classification.RandomForest;
import smile.base.cart.SplitRule;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.math.MathEx;

/**
 * Trains a BIG DATA model: features of every labelled pair, a Smile classifier fitted on most of them, Platt
 * scaling fitted on the held-out rest, and the merge threshold: the lowest at which merges on those held-out pairs
 * are precise enough (the best F1 if none is). The same data and options give the same model.
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    private static final String LABEL = "match";
    private static final double THRESHOLD_STEP = 0.01;
    /** Fewer, larger steps than usual: each tree costs scoring time on every candidate pair. */
    private static final int TREES = 100;
    private static final double SHRINKAGE = 0.1;

    public ModelArtifact train(TrainingData data, TrainingOptions options) {
        data.requireBothKinds();
        ValueFrequencies frequencies = ValueFrequencies.count(data.records());
        PairFeatures features = new PairFeatures(frequencies);
        List<LabelledPair> pairs = new ArrayList<>(data.pairs());
        Collections.shuffle(pairs, new Random(options.seed()));
        int heldOut = (int) Math.round(pairs.size() * options.heldOutShare());
        List<LabelledPair> fitting = pairs.subList(heldOut, pairs.size());
        List<LabelledPair> calibrating = pairs.subList(0, heldOut);
        LOG.info("training {} on {} pairs ({} duplicates), {} held out", options.algorithm(), fitting.size(),
                data.matches(), heldOut);

        PairClassifier classifier = fit(matrix(fitting, features), labels(fitting), options);
        double[][] calibrationX = matrix(calibrating, features);
        int[] calibrationY = labels(calibrating);
        double[] scores = IntStream.range(0, calibrationX.length)
                .mapToDouble(i -> CalibratedClassifier.logit(classifier.rawProbability(calibrationX[i]))).toArray();
        CalibratedClassifier calibrated = new CalibratedClassifier(classifier, PlattScaling.fit(scores, calibrationY));

        double[] probabilities = IntStream.range(0, calibrationX.length)
                .mapToDouble(i -> calibrated.probability(calibrationX[i])).toArray();
        boolean[] matches = new boolean[calibrationY.length];
        IntStream.range(0, matches.length).forEach(i -> matches[i] = calibrationY[i] == 1);
        ScoredPairs heldOutScores = new ScoredPairs(probabilities, matches, 0);
        Confusion best = heldOutScores.lowestWithPrecision(options.mergePrecision(), THRESHOLD_STEP)
                .orElseGet(() -> heldOutScores.bestF1(THRESHOLD_STEP));
        ModelMetadata metadata = new ModelMetadata(ModelMetadata.FORMAT_VERSION, PairFeatures.SCHEMA,
                options.algorithm(),
                new ModelMetadata.Thresholds(best.threshold(), Math.min(options.reviewThreshold(), best.threshold())),
                new ModelMetadata.TrainingSummary(data.sources(), data.records().size(), pairs.size(), data.matches(),
                        pairs.size() - data.matches(), options.seed()),
                new ModelMetadata.HeldOutMetrics(heldOut, best.precision(), best.recall(), best.f1()),
                libraries(), Instant.now().toString());
        LOG.info("held-out pairs at threshold {}: precision {}, recall {}, F1 {}", best.threshold(),
                best.precision(), best.recall(), best.f1());
        return new ModelArtifact(metadata, frequencies, calibrated);
    }

    private static PairClassifier fit(double[][] x, int[] y, TrainingOptions options) {
        MathEx.setSeed(options.seed());
        return switch (options.algorithm()) {
            case GRADIENT_BOOSTING -> new PairClassifier.Trees(Algorithm.GRADIENT_BOOSTING, GradientTreeBoost.fit(
                    Formula.lhs(LABEL), frame(x, y), new GradientTreeBoost.Options(TREES, 6, 32, 5, SHRINKAGE, 0.7,
                    null, null)), SHRINKAGE);
            case RANDOM_FOREST -> new PairClassifier.Trees(Algorithm.RANDOM_FOREST, RandomForest.fit(
                    Formula.lhs(LABEL), frame(x, y), new RandomForest.Options(200, (int) Math.sqrt(x[0].length),
                    SplitRule.GINI, 20, 500, 2, 1.0, null, seeds(options.seed(), 200), null)), 0.0);
            case LOGISTIC_REGRESSION -> new PairClassifier.Logistic(
                    LogisticRegression.binomial(x, y, new LogisticRegression.Options(0.01, 1e-5, 1000)));
        };
    }

    private static DataFrame frame(double[][] x, int[] y) {
        String[] names = PairFeatures.SCHEMA.names().toArray(String[]::new);
        return DataFrame.of(x, names).merge(new DataFrame(new IntVector(LABEL, y)));
    }

    private static long[] seeds(long seed, int count) {
        Random random = new Random(seed);
        return IntStream.range(0, count).mapToLong(i -> random.nextLong()).toArray();
    }

    private static double[][] matrix(List<LabelledPair> pairs, PairFeatures features) {
        Map<PersonRecord, PreparedRecord> prepared = new IdentityHashMap<>();
        return pairs.stream().map(p -> features.extract(prepared.computeIfAbsent(p.pair().first(), features::prepare),
                prepared.computeIfAbsent(p.pair().second(), features::prepare))).toArray(double[][]::new);
    }

    private static int[] labels(List<LabelledPair> pairs) {
        return pairs.stream().mapToInt(p -> p.match() ? 1 : 0).toArray();
    }

    private static Map<String, String> libraries() {
        return Map.of("smile", String.valueOf(GradientTreeBoost.class.getPackage().getImplementationVersion()),
                "java", Runtime.version().toString(),
                "dedup-ml-matcher", String.valueOf(Trainer.class.getPackage().getImplementationVersion()));
    }
}
