package org.dedup.ml.model;

import java.io.Serializable;
import java.util.function.ToDoubleFunction;

import smile.classification.PlattScaling;

/**
 * A classifier with Platt scaling fitted on held-out pairs, so its output is a calibrated match probability:
 * of the pairs scored 0.9, about nine in ten are duplicates.
 */
public record CalibratedClassifier(PairClassifier classifier, PlattScaling calibration) implements Serializable {
    private static final double EPSILON = 1e-9;

    public double probability(double[] features) {
        return calibration.scale(logit(classifier.rawProbability(features)));
    }

    /** {@link #probability} through the classifier's fastest exact form; build once per loaded model. */
    public ToDoubleFunction<double[]> scorer() {
        ToDoubleFunction<double[]> raw = classifier.scorer();
        return features -> calibration.scale(logit(raw.applyAsDouble(features)));
    }

    /** The raw probability as log-odds, the scale Platt scaling is fitted on. */
    public static double logit(double probability) {
        double p = Math.min(1 - EPSILON, Math.max(EPSILON, probability));
        return Math.log(p / (1 - p));
    }
}
