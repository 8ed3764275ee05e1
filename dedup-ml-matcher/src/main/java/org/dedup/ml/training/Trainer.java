package org.dedup.ml.training;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.ml.blocking.Blocker;
import org.dedup.ml.blocking.BlockingKeys;
import org.dedup.ml.evaluate.Confusion;
import org.dedup.ml.evidence.EvidenceRules;
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
import org.dedup.ml.record.LabelledRecords;
import org.dedup.ml.record.PersonPair;
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
 * Trains a BIG DATA model the way it will run: blocking rules chosen on the labelled records; pairs drawn as a
 * tenant meets them (every true pair, every blocked candidate of the whole set, and as many random pairs as
 * records); a Smile classifier fitted on most pairs, Platt scaling fitted on the held-out rest and shifted to the
 * share of duplicates among blocked candidates; and the thresholds chosen on the held-out candidates: merge at the
 * lowest threshold reaching the precision aim, review below it. When the data cannot support that, training
 * refuses or falls back and says so with the numbers. The same data and options give the same model.
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    private static final String LABEL = "match";
    private static final double THRESHOLD_STEP = 0.01;
    /** Fewer pairs of either kind than this cannot train a model. */
    public static final int MIN_PAIRS_OF_EACH_KIND = 20;
    /** Fewer held-out candidate duplicates than this give no stable precision estimate. */
    public static final int MIN_HELD_OUT_MATCHES = 30;
    /** The review band reaches down as far as at least this share of the pairs in it are duplicates. */
    private static final double REVIEW_PRECISION = 0.5;
    /**
     * The lowest merge threshold: a merge needs the model to find a duplicate more likely than not, however precise
     * the held-out pairs above a lower threshold are.
     */
    private static final double MIN_MERGE = 0.5;
    /** The lowest review threshold: below it a pair is too unlikely to be worth a person's time. */
    private static final double REVIEW_FLOOR = 0.05;
    private static final ModelMetadata.Thresholds FALLBACK = new ModelMetadata.Thresholds(0.9, 0.5);
    /** Fewer, larger steps than usual: each tree costs scoring time on every candidate pair. */
    private static final int TREES = 100;
    private static final double SHRINKAGE = 0.1;

    /**
     * A labelled pair, whether blocking proposed it (the pairs a tenant's matcher scores) and whether it comes from
     * base data rather than the engineer's own.
     */
    private record TrainingPair(LabelledPair labelled, boolean candidate, boolean base) {
    }

    public ModelArtifact train(TrainingData data, TrainingOptions options) {
        return train(data, options, null);
    }

    /**
     * Trains as {@link #train(TrainingData, TrainingOptions)}, but when the engineer's own data, learnt along with
     * base data, hold too few held-out candidate duplicates to show the new model is any better, keeps {@code shipped}
     * (the model of the base data) and says so in its notes, with the numbers.
     */
    public ModelArtifact train(TrainingData data, TrainingOptions options, ModelArtifact shipped) {
        List<String> notes = new ArrayList<>();
        ModelMetadata.Blocking blocking = BlockingChoice.choose(data.allSets(), options, notes);
        Blocker blocker = new Blocker(BlockingKeys.of(options.schema(), blocking.rules(), blocking.commonKeys()));
        List<TrainingPair> pairs = pairs(data, blocker, options.seed());
        long matches = pairs.stream().filter(p -> p.labelled().match()).count();
        requireEnough(data, pairs.size(), matches);
        ValueFrequencies frequencies = ValueFrequencies.count(options.schema(), data.records());
        PairFeatures features = new PairFeatures(options.schema(), frequencies);
        Collections.shuffle(pairs, new Random(options.seed()));
        int heldOut = (int) Math.round(pairs.size() * options.heldOutShare());
        List<TrainingPair> fitting = pairs.subList(heldOut, pairs.size());
        List<TrainingPair> calibrating = pairs.subList(0, heldOut);
        long ownHeldOutMatches = calibrating.stream().filter(p -> !p.base() && p.candidate() && p.labelled().match())
                .count();
        if (shipped != null && !data.baseSets().isEmpty() && ownHeldOutMatches < MIN_HELD_OUT_MATCHES) {
            String note = "kept the shipped model: the given data hold only " + ownHeldOutMatches + " duplicates among "
                    + "their held-out candidate pairs (fewer than " + MIN_HELD_OUT_MATCHES + "), too few to show a "
                    + "retrained model does better; sources " + data.sources();
            LOG.warn("training: {}", note);
            return shipped.withNote(note);
        }
        LOG.info("training {} on {} pairs ({} duplicates), {} held out", options.algorithm(), fitting.size(),
                matches, heldOut);

        double[][] fitX = matrix(fitting, features);
        PairClassifier classifier = fit(fitX, labels(fitting), features, options);
        double[][] calibrationX = matrix(calibrating, features);
        int[] calibrationY = labels(calibrating);
        double[] scores = IntStream.range(0, calibrationX.length)
                .mapToDouble(i -> CalibratedClassifier.logit(classifier.rawProbability(calibrationX[i]))).toArray();
        double candidateShare = candidateMatchShare(pairs, notes);
        double heldOutShare = (double) IntStream.of(calibrationY).sum() / calibrationY.length;
        double shift = Double.isNaN(candidateShare) ? 0 : logOdds(candidateShare) - logOdds(heldOutShare);
        CalibratedClassifier calibrated = new CalibratedClassifier(classifier, PlattScaling.fit(scores, calibrationY),
                shift);

        ScoredPairs heldOutCandidates = heldOutCandidates(calibrating, calibrationX, calibrated,
                Double.isNaN(candidateShare), new EvidenceRules(options.schema()));
        long heldOutMatches = heldOutCandidates.matchCount();
        ModelMetadata.Thresholds thresholds = thresholds(heldOutCandidates, options, notes);
        Confusion at = heldOutCandidates.at(thresholds.merge());
        ModelMetadata metadata = new ModelMetadata(ModelMetadata.FORMAT_VERSION, options.schema(), features.schema(),
                blocking, options.algorithm(), thresholds,
                new ModelMetadata.TrainingSummary(data.sources(), data.records().size(), pairs.size(), (int) matches,
                        pairs.size() - (int) matches, options.seed(), Double.isNaN(candidateShare) ? heldOutShare
                        : candidateShare),
                new ModelMetadata.HeldOutMetrics(heldOutCandidates.probabilities().length, (int) heldOutMatches,
                        at.precision(), at.recall(), at.f1()),
                notes, libraries(), Instant.now().toString());
        notes.forEach(note -> LOG.warn("training: {}", note));
        LOG.info("held-out candidates at threshold {}: precision {}, recall {}, F1 {}", thresholds.merge(),
                at.precision(), at.recall(), at.f1());
        return new ModelArtifact(metadata, frequencies, calibrated);
    }

    private static void requireEnough(TrainingData data, long pairs, long matches) {
        if (matches < MIN_PAIRS_OF_EACH_KIND || pairs - matches < MIN_PAIRS_OF_EACH_KIND) {
            throw new InvalidRecordException("training data needs at least " + MIN_PAIRS_OF_EACH_KIND + " duplicate "
                    + "and " + MIN_PAIRS_OF_EACH_KIND + " non-duplicate pairs; sources " + data.sources() + " give "
                    + matches + " duplicates and " + (pairs - matches) + " non-duplicates");
        }
    }

    /**
     * Merge at the lowest threshold (at least 0.5) whose precision on the held-out candidates reaches the aim;
     * review from the lowest threshold (at least 0.05) at which half the pairs in the band up to merge are
     * duplicates, always below merge. Too few held-out duplicates, or no threshold precise
     * enough: the fallback thresholds, with a note naming the numbers.
     */
    private static ModelMetadata.Thresholds thresholds(ScoredPairs heldOut, TrainingOptions options,
                                                       List<String> notes) {
        long matches = heldOut.matchCount();
        if (matches < MIN_HELD_OUT_MATCHES) {
            notes.add("only " + matches + " duplicates among the " + heldOut.probabilities().length + " held-out "
                    + "candidate pairs (fewer than " + MIN_HELD_OUT_MATCHES + "): the precision estimate is unstable, "
                    + "so the thresholds fall back to merge " + FALLBACK.merge() + ", review " + FALLBACK.review());
            return FALLBACK;
        }
        List<Confusion> sweep = heldOut.sweep(THRESHOLD_STEP);
        Confusion merge = sweep.stream().skip(1)
                .filter(c -> c.truePositives() > 0 && c.precision() >= options.mergePrecision()).findFirst()
                .orElse(null);
        if (merge == null) {
            Confusion best = heldOut.bestF1(THRESHOLD_STEP);
            notes.add(String.format(Locale.ROOT, "no threshold reaches precision %.2f on the held-out candidates "
                    + "(%d duplicates); merge falls back to the best F1, threshold %.2f with precision %.4f",
                    options.mergePrecision(), matches, best.threshold(), best.precision()));
            merge = best;
        }
        double mergeAt = Math.max(MIN_MERGE, merge.threshold());
        Confusion atMerge = heldOut.at(mergeAt);
        double reviewAt = sweep.stream().filter(c -> c.threshold() >= REVIEW_FLOOR - THRESHOLD_STEP / 2
                        && c.threshold() < mergeAt - THRESHOLD_STEP / 2)
                .filter(c -> bandPrecision(c, atMerge) >= REVIEW_PRECISION).findFirst().map(Confusion::threshold)
                .orElse(mergeAt - THRESHOLD_STEP);
        return new ModelMetadata.Thresholds(round(mergeAt), round(reviewAt));
    }

    /** The share of duplicates among the pairs scored from {@code from} up to the merge threshold. */
    private static double bandPrecision(Confusion from, Confusion merge) {
        long duplicates = from.truePositives() - merge.truePositives();
        long others = from.falsePositives() - merge.falsePositives();
        return duplicates + others == 0 ? 1.0 : (double) duplicates / (duplicates + others);
    }

    /** Every true pair, every blocked candidate, and as many random non-duplicate pairs as records, per set. */
    private static List<TrainingPair> pairs(TrainingData data, Blocker blocker, long seed) {
        List<TrainingPair> pairs = new ArrayList<>();
        Random random = new Random(seed);
        for (LabelledRecords set : data.allSets()) {
            boolean base = data.baseSets().contains(set);
            Set<String> seen = new HashSet<>();
            for (PersonPair pair : blocker.dedupPairs(set.records())) {
                seen.add(key(pair));
                pairs.add(new TrainingPair(new LabelledPair(pair, set.sameEntity(pair.first(), pair.second())), true,
                        base));
            }
            for (PersonPair pair : set.truePairs()) {
                if (seen.add(key(pair))) {
                    pairs.add(new TrainingPair(new LabelledPair(pair, true), false, base));
                }
            }
            List<PersonRecord> records = set.records();
            for (int n = 0; n < records.size() && records.size() > 1; n++) {
                PersonRecord a = records.get(random.nextInt(records.size()));
                PersonRecord b = records.get(random.nextInt(records.size()));
                PersonPair pair = new PersonPair(a, b);
                if (a != b && !set.sameEntity(a, b) && seen.add(key(pair))) {
                    pairs.add(new TrainingPair(new LabelledPair(pair, false), false, base));
                }
            }
        }
        data.pairs().forEach(p -> pairs.add(new TrainingPair(p, true, false)));
        return pairs;
    }

    /** The share of duplicates among the blocked candidates of the engineer's sets; NaN without record sets. */
    private static double candidateMatchShare(List<TrainingPair> all, List<String> notes) {
        List<TrainingPair> pairs = own(all);
        List<TrainingPair> candidates = pairs.stream().filter(TrainingPair::candidate).toList();
        if (candidates.size() == pairs.size()) {
            notes.add("labelled pairs only: probabilities are calibrated to their own share of duplicates");
            return Double.NaN;
        }
        // add-one smoothing: a set whose candidates are all duplicates (or none) must not shift the odds infinitely
        return (candidates.stream().filter(p -> p.labelled().match()).count() + 1.0) / (candidates.size() + 2.0);
    }

    /** The engineer's own pairs, or every pair when there is only base data. */
    private static List<TrainingPair> own(List<TrainingPair> pairs) {
        List<TrainingPair> own = pairs.stream().filter(p -> !p.base()).toList();
        return own.isEmpty() ? pairs : own;
    }

    /**
     * The held-out candidates of the engineer's own data (of all data when those hold too few duplicates), scored as
     * a tenant's matcher scores them, evidence rules included.
     */
    private static ScoredPairs heldOutCandidates(List<TrainingPair> calibrating, double[][] x,
                                                 CalibratedClassifier calibrated, boolean all, EvidenceRules rules) {
        boolean ownOnly = calibrating.stream().filter(p -> !p.base() && p.labelled().match()
                && (all || p.candidate())).count() >= MIN_HELD_OUT_MATCHES;
        List<Integer> chosen = IntStream.range(0, calibrating.size())
                .filter(i -> all || calibrating.get(i).candidate())
                .filter(i -> !ownOnly || !calibrating.get(i).base()).boxed().toList();
        double[] probabilities = new double[chosen.size()];
        boolean[] matches = new boolean[chosen.size()];
        boolean[] vetoed = new boolean[chosen.size()];
        for (int k = 0; k < chosen.size(); k++) {
            LabelledPair pair = calibrating.get(chosen.get(k)).labelled();
            probabilities[k] = calibrated.probability(x[chosen.get(k)]);
            matches[k] = pair.match();
            vetoed[k] = rules.broken(pair.pair().first(), pair.pair().second()).isPresent();
        }
        return new ScoredPairs(probabilities, matches, vetoed, 0);
    }

    private static PairClassifier fit(double[][] x, int[] y, PairFeatures features, TrainingOptions options) {
        MathEx.setSeed(options.seed());
        return switch (options.algorithm()) {
            case GRADIENT_BOOSTING -> new PairClassifier.Trees(Algorithm.GRADIENT_BOOSTING, GradientTreeBoost.fit(
                    Formula.lhs(LABEL), frame(x, y, features), new GradientTreeBoost.Options(TREES, 6, 32, 5,
                    SHRINKAGE, 0.7, null, null)), SHRINKAGE);
            case RANDOM_FOREST -> new PairClassifier.Trees(Algorithm.RANDOM_FOREST, RandomForest.fit(
                    Formula.lhs(LABEL), frame(x, y, features), new RandomForest.Options(200,
                    (int) Math.sqrt(x[0].length), SplitRule.GINI, 20, 500, 2, 1.0, null, seeds(options.seed(), 200),
                    null)), 0.0);
            case LOGISTIC_REGRESSION -> new PairClassifier.Logistic(
                    LogisticRegression.binomial(x, y, new LogisticRegression.Options(0.01, 1e-5, 1000)));
        };
    }

    private static DataFrame frame(double[][] x, int[] y, PairFeatures features) {
        String[] names = features.schema().names().toArray(String[]::new);
        return DataFrame.of(x, names).merge(new DataFrame(new IntVector(LABEL, y)));
    }

    private static long[] seeds(long seed, int count) {
        Random random = new Random(seed);
        return IntStream.range(0, count).mapToLong(i -> random.nextLong()).toArray();
    }

    private static double[][] matrix(List<TrainingPair> pairs, PairFeatures features) {
        Map<PersonRecord, PreparedRecord> prepared = new IdentityHashMap<>();
        return pairs.stream().map(TrainingPair::labelled).map(p -> features.extract(
                prepared.computeIfAbsent(p.pair().first(), features::prepare),
                prepared.computeIfAbsent(p.pair().second(), features::prepare))).toArray(double[][]::new);
    }

    private static int[] labels(List<TrainingPair> pairs) {
        return pairs.stream().mapToInt(p -> p.labelled().match() ? 1 : 0).toArray();
    }

    private static double logOdds(double share) {
        return CalibratedClassifier.logit(share);
    }

    private static double round(double threshold) {
        return Math.round(threshold * 100) / 100.0;
    }

    private static String key(PersonPair pair) {
        String a = pair.first().id();
        String b = pair.second().id();
        return a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
    }

    private static Map<String, String> libraries() {
        return Map.of("smile", String.valueOf(GradientTreeBoost.class.getPackage().getImplementationVersion()),
                "java", Runtime.version().toString(),
                "dedup-ml-matcher", String.valueOf(Trainer.class.getPackage().getImplementationVersion()));
    }
}
