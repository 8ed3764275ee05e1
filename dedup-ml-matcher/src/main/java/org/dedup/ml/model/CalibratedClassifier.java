package org.dedup.ml.model;

import java.io.Serializable;
import java.util.function.ToDoubleFunction;

import smile.classification.PlattScaling;

/**
 * A classifier with Platt scaling fitted on held-out pairs, then shifted by {@code priorShift} (log-odds) from the
 * share of duplicates among the training pairs to their share among blocked candidates, so its output is a match
 * probability of a candidate pair: of the candidates scored 0.9, about nine in ten are duplicates.
 */
public record CalibratedClassifier(PairClassifier classifier, PlattScaling calibration, double priorShift)
        implements Serializable {
    private static final double EPSILON = 1e-9;

    public double probability(double[] features) {
        return shifted(calibration.scale(logit(classifier.rawProbability(features))));
    }

    /** {@link #probability} through the classifier's fastest exact form; build once per loaded model. */
    public ToDoubleFunction<double[]> scorer() {
        ToDoubleFunction<double[]> raw = classifier.scorer();
        return features -> shifted(calibration.scale(logit(raw.applyAsDouble(features))));
    }

    private double shifted(double probability) {
        return priorShift == 0 ? probability : 1 / (1 + Math.exp(-(logit(probability) + priorShift)));
    }

    /** The raw probability as log-odds, the scale Platt scaling is fitted on. */
    public static double logit(double probability) {
        double p = Math.min(1 - EPSILON, Math.max(EPSILON, probability));
        return Math.log(p / (1 - p));
    }
}
