package org.dedup.ml.active;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import org.dedup.ml.features.PreparedRecord;
import org.dedup.ml.model.MatchModel;
import org.dedup.ml.record.LabelledPair;
import org.dedup.ml.record.PersonPair;
import org.dedup.ml.record.PersonRecord;

/**
 * Active learning over a record set's blocked candidate pairs, as dedupe and Zingg do it: the next pair to label is
 * the one the model is least sure of (its probability nearest the merge threshold), and among the few least sure a
 * pair neither of whose records is in a pair already answered goes first (diversity: the labels are not spent on
 * one entity). Every {@code refitEvery} answers the model is refitted on the labels so far ({@link LabelCorrection}:
 * milliseconds), so the next pair reflects them. One instance is one labelling session; not thread-safe.
 */
public final class ActiveLearner {
    /** Answers between two refits unless told otherwise. */
    public static final int DEFAULT_REFIT_EVERY = 5;
    /** Beyond this many candidates only those the trained model is least sure of are kept (memory). */
    public static final int MAX_CANDIDATES = 100_000;
    /** How many of the least certain pairs the diversity rule looks at. */
    private static final int WINDOW = 20;
    private final MatchModel base;
    private final List<PersonPair> pairs;
    private final double[][] features;
    private final double[] baseProbabilities;
    private final double[] probabilities;
    private final Map<String, Integer> positions = new HashMap<>();
    private final int refitEvery;
    private final double penalty;
    private final Map<String, LabelCorrection.Example> labels = new LinkedHashMap<>();
    private final Set<String> done = new HashSet<>();
    private final Set<String> answeredRecords = new HashSet<>();
    private MatchModel model;
    private LabelCorrection correction;
    private int labelsAtFit;

    private ActiveLearner(MatchModel base, List<PersonPair> pairs, double[][] features, int refitEvery,
                          double penalty) {
        this.base = base;
        this.pairs = List.copyOf(pairs);
        this.features = features;
        this.refitEvery = refitEvery;
        this.penalty = penalty;
        this.baseProbabilities = new double[features.length];
        for (int i = 0; i < features.length; i++) {
            baseProbabilities[i] = base.probability(features[i]);
            positions.put(key(pairs.get(i)), i);
        }
        this.probabilities = baseProbabilities.clone();
        this.model = base;
        this.correction = LabelCorrection.none(featureCount());
    }

    /** A candidate pair and the current model's probability that its records are one entity. */
    public record Candidate(PersonPair pair, double probability) {
        public String key() {
            return ActiveLearner.key(pair);
        }
    }

    /** A session over the blocked candidate pairs of {@code records}, refitting every {@code refitEvery} answers. */
    public static ActiveLearner of(MatchModel model, List<PersonRecord> records, int refitEvery) {
        return of(model, records, refitEvery, LabelCorrection.DEFAULT_PENALTY);
    }

    public static ActiveLearner of(MatchModel model, List<PersonRecord> records, int refitEvery, double penalty) {
        if (refitEvery < 1) {
            throw new IllegalArgumentException("refitEvery must be at least 1, was " + refitEvery);
        }
        Map<PersonRecord, PreparedRecord> prepared = new IdentityHashMap<>();
        List<PersonPair> pairs = new ArrayList<>();
        List<double[]> features = new ArrayList<>();
        for (PersonPair pair : model.blocker().dedupPairs(records)) {
            pairs.add(pair);
            features.add(model.features(prepared.computeIfAbsent(pair.first(), model::prepare),
                    prepared.computeIfAbsent(pair.second(), model::prepare)));
        }
        if (pairs.size() <= MAX_CANDIDATES) {
            return new ActiveLearner(model, pairs, features.toArray(double[][]::new), refitEvery, penalty);
        }
        double boundary = model.thresholds().merge();
        List<Integer> kept = IntStream.range(0, pairs.size()).boxed()
                .sorted(Comparator.comparingDouble(i -> Math.abs(model.probability(features.get(i)) - boundary)))
                .limit(MAX_CANDIDATES).sorted().toList();
        return new ActiveLearner(model, kept.stream().map(pairs::get).toList(),
                kept.stream().map(features::get).toArray(double[][]::new), refitEvery, penalty);
    }

    /** The key of a pair of records by their ids, the same whichever comes first. */
    public static String key(PersonPair pair) {
        String a = pair.first().id();
        String b = pair.second().id();
        return a.compareTo(b) <= 0 ? a + '\u0000' + b : b + '\u0000' + a;
    }

    /** How many candidate pairs the session chooses from. */
    public int size() {
        return pairs.size();
    }

    /** The candidate pairs, in blocking's order. */
    public List<PersonPair> candidates() {
        return pairs;
    }

    /** How many labelled pairs (matches and non-matches) the model learns from. */
    public int labelCount() {
        return labels.size();
    }

    /** The model as the labels so far corrected it (at the last refit). */
    public MatchModel model() {
        return model;
    }

    /** The correction the labels so far taught the model (at the last refit): what a model file stores of them. */
    public LabelCorrection correction() {
        return correction;
    }

    /** The next pair to label: none answered yet, the least certain first, diverse; empty when every one is done. */
    public Optional<Candidate> next() {
        double boundary = base.thresholds().merge();
        List<Integer> window = IntStream.range(0, pairs.size()).filter(i -> !done.contains(key(pairs.get(i))))
                .boxed().sorted(Comparator.comparingDouble((Integer i) -> Math.abs(probabilities[i] - boundary))
                        .thenComparing(i -> key(pairs.get(i)))).limit(WINDOW).toList();
        if (window.isEmpty()) {
            return Optional.empty();
        }
        int chosen = window.stream().filter(i -> !answeredRecords.contains(pairs.get(i).first().id())
                && !answeredRecords.contains(pairs.get(i).second().id())).findFirst().orElse(window.getFirst());
        return Optional.of(new Candidate(pairs.get(chosen), probabilities[chosen]));
    }

    /** A person's answer: the pair is a match, not one, or they are unsure (not learnt, not asked again). */
    public void answer(PersonPair pair, Optional<Boolean> match) {
        String key = key(pair);
        done.add(key);
        answeredRecords.add(pair.first().id());
        answeredRecords.add(pair.second().id());
        match.ifPresent(m -> labels.put(key, example(pair, m)));
        if (labels.size() - labelsAtFit >= refitEvery) {
            refit();
        }
    }

    /**
     * Pairs labelled before this session (a labelled-pairs file, a tenant's stored answers and decisions): learnt
     * at once, and not asked again when they are candidates.
     */
    public void learn(List<LabelledPair> known) {
        known.forEach(labelled -> {
            String key = key(labelled.pair());
            done.add(key);
            answeredRecords.add(labelled.pair().first().id());
            answeredRecords.add(labelled.pair().second().id());
            labels.put(key, example(labelled.pair(), labelled.match()));
        });
        refit();
    }

    /** A pair marked done without a label (an earlier "unsure"): not asked again. */
    public void skip(PersonPair pair) {
        done.add(key(pair));
    }

    /** Refits the model on every label so far and re-ranks the candidates. */
    public void refit() {
        correction = LabelCorrection.fit(List.copyOf(labels.values()), features, featureCount(), penalty);
        model = base.adjusted(correction);
        for (int i = 0; i < features.length; i++) {
            probabilities[i] = correction.probability(baseProbabilities[i], features[i]);
        }
        labelsAtFit = labels.size();
    }

    private LabelCorrection.Example example(PersonPair pair, boolean match) {
        Integer position = positions.get(key(pair));
        double[] values = position != null ? features[position]
                : base.features(base.prepare(pair.first()), base.prepare(pair.second()));
        double probability = position != null ? baseProbabilities[position] : base.probability(values);
        return new LabelCorrection.Example(probability, values, match);
    }

    private int featureCount() {
        return base.metadata().featureSchema().size();
    }
}
