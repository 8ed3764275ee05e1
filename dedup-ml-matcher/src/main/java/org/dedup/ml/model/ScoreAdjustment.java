package org.dedup.ml.model;

/** A correction of a trained model's probability of a pair, from the pair's feature values (see {@link MatchModel#adjusted}). */
@FunctionalInterface
public interface ScoreAdjustment {
    /** The corrected probability of a pair the trained model gives {@code probability}. */
    double probability(double probability, double[] features);
}
