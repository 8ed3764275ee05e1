package org.dedup.ml.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Match probabilities of candidate pairs with their true labels and whether an evidence rule forbids merging them
 * ({@code vetoed}: never a merge, whatever the threshold), plus the true pairs that were never candidates
 * ({@code unproposedMatches}); every metric derives from them.
 */
public record ScoredPairs(double[] probabilities, boolean[] matches, boolean[] vetoed, long unproposedMatches) {
    public ScoredPairs {
        if (probabilities.length != matches.length || probabilities.length != vetoed.length) {
            throw new IllegalArgumentException("a probability, a label and a veto are needed for each pair");
        }
        probabilities = probabilities.clone();
        matches = matches.clone();
        vetoed = vetoed.clone();
    }

    /** How many of the scored pairs are duplicates. */
    public long matchCount() {
        long count = 0;
        for (boolean match : matches) {
            count += match ? 1 : 0;
        }
        return count;
    }

    public Confusion at(double threshold) {
        long tp = 0;
        long fp = 0;
        long fn = unproposedMatches;
        long tn = 0;
        for (int i = 0; i < probabilities.length; i++) {
            boolean predicted = probabilities[i] >= threshold && !vetoed[i];
            if (predicted && matches[i]) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (matches[i]) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Confusion(threshold, tp, fp, fn, tn);
    }

    /** The confusion at each threshold from {@code step} to {@code 1 - step}. */
    public List<Confusion> sweep(double step) {
        List<Confusion> table = new ArrayList<>();
        int steps = (int) Math.round(1 / step);
        for (int i = 1; i < steps; i++) {
            table.add(at(i * step));
        }
        return table;
    }

    /** The threshold of the sweep with the best F1; of equals, the highest (fewer wrong merges). */
    public Confusion bestF1(double step) {
        Confusion best = null;
        for (Confusion confusion : sweep(step)) {
            if (best == null || confusion.f1() >= best.f1()) {
                best = confusion;
            }
        }
        return best;
    }

    /**
     * The lowest threshold of the sweep at which precision reaches {@code precision}, i.e. the best recall among
     * the thresholds precise enough; empty when none is.
     */
    public Optional<Confusion> lowestWithPrecision(double precision, double step) {
        return sweep(step).stream().filter(c -> c.truePositives() > 0 && c.precision() >= precision).findFirst();
    }
}
