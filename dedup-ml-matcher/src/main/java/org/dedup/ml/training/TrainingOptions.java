package org.dedup.ml.training;

import org.dedup.ml.model.Algorithm;
import org.dedup.ml.record.RecordSchema;

/**
 * How to train: the algorithm, the record schema, the seed every random choice derives from (same data and seed,
 * same model), the share of pairs held out to calibrate the probability and choose the thresholds, the precision a
 * merge must have on the held-out candidates (a wrong merge costs more than a missed one, which still reaches
 * review), and the blocking aim: the pairs completeness to reach within a budget of candidate pairs per record.
 */
public record TrainingOptions(Algorithm algorithm, RecordSchema schema, long seed, double heldOutShare,
                              double mergePrecision, double blockingCompleteness, double candidatesPerRecord) {
    public static final long DEFAULT_SEED = 20261124L;

    public TrainingOptions {
        if (algorithm == null) {
            throw new IllegalArgumentException("algorithm is required");
        }
        if (schema == null) {
            throw new IllegalArgumentException("a record schema is required");
        }
        if (!(heldOutShare > 0 && heldOutShare < 1)) {
            throw new IllegalArgumentException("held-out share must be between 0 and 1, was " + heldOutShare);
        }
        if (!(mergePrecision > 0 && mergePrecision <= 1)) {
            throw new IllegalArgumentException("merge precision must be within (0, 1], was " + mergePrecision);
        }
        if (!(blockingCompleteness > 0 && blockingCompleteness <= 1)) {
            throw new IllegalArgumentException("blocking completeness must be within (0, 1], was "
                    + blockingCompleteness);
        }
        if (!(candidatesPerRecord >= 1)) {
            throw new IllegalArgumentException("the candidate budget must be at least 1 pair per record, was "
                    + candidatesPerRecord);
        }
    }

    public static TrainingOptions defaults(Algorithm algorithm, RecordSchema schema) {
        return new TrainingOptions(algorithm, schema, DEFAULT_SEED, 0.3, 0.99, 0.95, 20);
    }

    public TrainingOptions withSeed(long newSeed) {
        return new TrainingOptions(algorithm, schema, newSeed, heldOutShare, mergePrecision, blockingCompleteness,
                candidatesPerRecord);
    }
}
