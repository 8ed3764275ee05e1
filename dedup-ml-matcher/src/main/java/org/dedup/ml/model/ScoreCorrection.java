package org.dedup.ml.model;

import java.util.Arrays;

/**
 * A correction of a trained model's probabilities stored in its model file ({@code correction.json}): what a few
 * hundred labelled pairs taught the model, {@code logit p' = logit p + u(p) (intercept + weights . (x - means))} with
 * {@code u(p) = 4 p (1 - p)} (the model's uncertainty) and {@code x} the pair's features. Plain numbers only: a model
 * file is untrusted input, so the entry is JSON, its size bounded, and every number checked to be finite and within
 * {@link #MAX_MAGNITUDE}. {@link #none()} is no correction (the model as trained).
 *
 * @param labels    how many labelled pairs it was fitted on (shown, never used in scoring)
 * @param intercept the shift of the log-odds at the features' means
 * @param means     each feature's mean over the candidate pairs it was fitted among
 * @param weights   each feature's weight on the log-odds
 */
public record ScoreCorrection(int labels, double intercept, double[] means, double[] weights)
        implements ScoreAdjustment {
    /** The largest size of the {@code correction.json} entry read: a few dozen numbers need far less. */
    public static final int MAX_ENTRY_BYTES = 64 * 1024;
    /** The largest magnitude of any number in a correction: a fitted one stays far below. */
    public static final double MAX_MAGNITUDE = 1e12;
    private static final double EDGE = 1e-6;

    public ScoreCorrection {
        if (labels < 0) {
            throw new IllegalArgumentException("correction labels must not be negative, was " + labels);
        }
        if (means == null || weights == null || means.length != weights.length) {
            throw new IllegalArgumentException("correction means and weights must be given, one of each per feature");
        }
        means = means.clone();
        weights = weights.clone();
        requireBounded("intercept", intercept);
        for (int j = 0; j < means.length; j++) {
            requireBounded("means[" + j + "]", means[j]);
            requireBounded("weights[" + j + "]", weights[j]);
        }
    }

    /** No correction. */
    public static ScoreCorrection none() {
        return new ScoreCorrection(0, 0, new double[0], new double[0]);
    }

    /** Whether this changes any probability (a fitted correction, even on no labels, has one weight per feature). */
    public boolean corrects() {
        return weights.length > 0;
    }

    /** The number of features it reads. */
    public int featureCount() {
        return weights.length;
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public double probability(double probability, double[] features) {
        double p = Math.min(1 - EDGE, Math.max(EDGE, probability));
        double uncertainty = 4 * p * (1 - p);
        double shift = intercept;
        for (int j = 0; j < weights.length; j++) {
            shift += weights[j] * (features[j] - means[j]);
        }
        return 1 / (1 + Math.exp(-(CalibratedClassifier.logit(p) + uncertainty * shift)));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScoreCorrection that && labels == that.labels
                && Double.compare(intercept, that.intercept) == 0 && Arrays.equals(means, that.means)
                && Arrays.equals(weights, that.weights);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Double.hashCode(intercept) + Arrays.hashCode(means)) + Arrays.hashCode(weights) + labels;
    }

    @Override
    public String toString() {
        return "ScoreCorrection[labels=" + labels + ", features=" + weights.length + "]";
    }

    private static void requireBounded(String field, double value) {
        if (!Double.isFinite(value) || Math.abs(value) > MAX_MAGNITUDE) {
            throw new IllegalArgumentException("correction " + field + " must be a finite number of magnitude at most "
                    + MAX_MAGNITUDE);
        }
    }
}
