package org.dedup.ml.training;

import org.dedup.ml.model.Algorithm;

/**
 * How to train: the algorithm, the seed every random choice derives from (same data and seed, same model), the
 * share of pairs held out to calibrate the probability and choose the merge threshold, the precision a merge must
 * have on those held-out pairs (a wrong merge costs more than a missed one, which still reaches review), and the
 * review threshold.
 */
public record TrainingOptions(Algorithm algorithm, long seed, double heldOutShare, double mergePrecision,
                              double reviewThreshold) {
    public static final long DEFAULT_SEED = 20261124L;

    public TrainingOptions {
        if (algorithm == null) {
            throw new IllegalArgumentException("algorithm is required");
        }
        if (!(heldOutShare > 0 && heldOutShare < 1)) {
            throw new IllegalArgumentException("held-out share must be between 0 and 1, was " + heldOutShare);
        }
        if (!(mergePrecision > 0 && mergePrecision <= 1)) {
            throw new IllegalArgumentException("merge precision must be within (0, 1], was " + mergePrecision);
        }
        if (!(reviewThreshold > 0 && reviewThreshold < 1)) {
            throw new IllegalArgumentException("review threshold must be between 0 and 1, was " + reviewThreshold);
        }
    }

    public static TrainingOptions defaults(Algorithm algorithm) {
        return new TrainingOptions(algorithm, DEFAULT_SEED, 0.2, 0.99, 0.3);
    }

    public TrainingOptions withSeed(long newSeed) {
        return new TrainingOptions(algorithm, newSeed, heldOutShare, mergePrecision, reviewThreshold);
    }
}
