package org.dedup.ml.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.dedup.ml.model.MatchModel;
import org.dedup.ml.model.ModelMetadata;
import org.dedup.ml.model.PairExplanation;
import org.dedup.ml.record.LabelledRecords;
import org.dedup.ml.record.PersonPair;

/**
 * The outcome of an evaluation: the blocking report, the scored candidates and the metrics they give, the worst
 * mistakes with their explanations, feature importance and calibration.
 */
public record EvaluationResult(String dataset, MatchModel model, double threshold, BlockingReport blocking,
                               ScoredPairs scored, List<PersonPair> candidates, LabelledRecords truth) {
    public static final double TABLE_STEP = 0.05;
    public static final double CURVE_STEP = 0.01;
    private static final int IMPORTANCE_SAMPLE = 2_000;
    private static final int CALIBRATION_BINS = 10;

    /** A pair the model got wrong: its probability, the rule that vetoed it, and its largest contributions. */
    public record Mistake(PersonPair pair, double probability, String reason, List<PairExplanation.Contribution> top) {
    }

    /** Predicted probabilities of one bin against the share of duplicates in it. */
    public record CalibrationBin(double from, double to, long pairs, double meanProbability, double matchShare) {
    }

    public ModelMetadata metadata() {
        return model.metadata();
    }

    /** The confusion matrix at the model's merge threshold. */
    public Confusion atThreshold() {
        return scored.at(threshold);
    }

    public List<Confusion> thresholdTable() {
        return scored.sweep(TABLE_STEP);
    }

    /** Precision against recall at each threshold of a fine sweep. */
    public List<Confusion> precisionRecallCurve() {
        return scored.sweep(CURVE_STEP);
    }

    /** The non-duplicates merged at the threshold with the highest probabilities. */
    public List<Mistake> worstFalsePositives(int count) {
        return IntStream.range(0, candidates.size())
                .filter(i -> !scored.matches()[i] && !scored.vetoed()[i] && scored.probabilities()[i] >= threshold)
                .boxed().sorted(Comparator.comparingDouble(i -> -scored.probabilities()[i])).limit(count)
                .map(i -> mistake(candidates.get(i), "merged")).toList();
    }

    /** The duplicates not merged with the lowest probabilities; those blocking never proposed first. */
    public List<Mistake> worstFalseNegatives(int count) {
        Set<PersonPair> proposed = new HashSet<>();
        proposed.addAll(candidates);
        List<Mistake> mistakes = new ArrayList<>();
        for (PersonPair pair : truth.truePairs()) {
            if (mistakes.size() >= count) {
                return mistakes;
            }
            if (!proposed.contains(pair) && !proposed.contains(new PersonPair(pair.second(), pair.first()))) {
                mistakes.add(mistake(pair, "never proposed by blocking"));
            }
        }
        IntStream.range(0, candidates.size())
                .filter(i -> scored.matches()[i] && (scored.vetoed()[i] || scored.probabilities()[i] < threshold))
                .boxed().sorted(Comparator.comparingDouble(i -> scored.probabilities()[i]))
                .limit(count - mistakes.size()).forEach(i -> mistakes.add(mistake(candidates.get(i),
                        scored.vetoed()[i] ? "vetoed" : "below the threshold")));
        return mistakes;
    }

    /** Per evidence rule, how many candidate pairs it kept from merging and how many of those are duplicates. */
    public Map<String, long[]> vetoesByRule() {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            int index = i;
            if (scored.vetoed()[i]) {
                model.brokenRule(candidates.get(i).first(), candidates.get(i).second()).ifPresent(rule -> {
                    long[] count = counts.computeIfAbsent(rule.name(), r -> new long[2]);
                    count[0]++;
                    count[1] += scored.matches()[index] ? 1 : 0;
                });
            }
        }
        return counts;
    }

    /** Per feature, the mean absolute contribution over a sample of the candidates, largest first. */
    public Map<String, Double> featureImportance() {
        Map<String, Double> sums = new LinkedHashMap<>();
        int step = Math.max(1, candidates.size() / IMPORTANCE_SAMPLE);
        int sampled = 0;
        for (int i = 0; i < candidates.size(); i += step) {
            PersonPair pair = candidates.get(i);
            for (PairExplanation.Contribution c : model.explain(pair.first(), pair.second()).contributions()) {
                sums.merge(c.feature(), Math.abs(c.contribution()), Double::sum);
            }
            sampled++;
        }
        int n = Math.max(1, sampled);
        Map<String, Double> importance = new LinkedHashMap<>();
        sums.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> importance.put(e.getKey(), e.getValue() / n));
        return importance;
    }

    /** The candidates in ten bins of predicted probability: a calibrated model's bins lie on the diagonal. */
    public List<CalibrationBin> calibration() {
        List<CalibrationBin> bins = new ArrayList<>();
        for (int b = 0; b < CALIBRATION_BINS; b++) {
            double from = (double) b / CALIBRATION_BINS;
            double to = (double) (b + 1) / CALIBRATION_BINS;
            long pairs = 0;
            double probability = 0;
            long matches = 0;
            for (int i = 0; i < candidates.size(); i++) {
                double p = scored.probabilities()[i];
                if (p >= from && (p < to || b == CALIBRATION_BINS - 1)) {
                    pairs++;
                    probability += p;
                    matches += scored.matches()[i] ? 1 : 0;
                }
            }
            bins.add(new CalibrationBin(from, to, pairs, pairs == 0 ? 0 : probability / pairs,
                    pairs == 0 ? 0 : (double) matches / pairs));
        }
        return bins;
    }

    private Mistake mistake(PersonPair pair, String what) {
        PairExplanation explanation = model.explain(pair.first(), pair.second());
        String reason = model.brokenRule(pair.first(), pair.second()).map(r -> what + ": " + r.reason())
                .orElse(what);
        return new Mistake(pair, explanation.probability(), reason,
                explanation.contributions().subList(0, Math.min(4, explanation.contributions().size())));
    }
}
