package org.dedup.ml.model;

import java.io.Serializable;
import java.util.function.ToDoubleFunction;

import smile.classification.GradientTreeBoost;
import smile.classification.LogisticRegression;
import smile.classification.DataFrameClassifier;
import smile.data.Tuple;
import smile.feature.importance.SHAP;

/**
 * A trained Smile classifier of feature vectors: its raw match score and, for explanations, each feature's
 * contribution to it (SHAP values for tree ensembles, coefficient times value for logistic regression).
 */
public sealed interface PairClassifier extends Serializable {

    /** The classifier's own probability of a match, before calibration. */
    double rawProbability(double[] features);

    /** Per feature, its contribution to the score (on the classifier's own scale). */
    double[] contributions(double[] features);

    /** The raw probability as the fastest exact form of this classifier computes it; build once, use often. */
    default ToDoubleFunction<double[]> scorer() {
        return this::rawProbability;
    }

    Algorithm algorithm();

    /**
     * A tree ensemble: Smile's boosted trees or random forest. For boosted trees the shrinkage they were trained with
     * lets {@link FlatTrees} score them (0 for a forest).
     */
    record Trees(Algorithm algorithm, DataFrameClassifier model, double shrinkage) implements PairClassifier {
        public Trees {
            if (!(model instanceof SHAP<?>)) {
                throw new IllegalArgumentException(algorithm + " model gives no SHAP values");
            }
        }

        @Override
        public double rawProbability(double[] features) {
            double[] posteriori = new double[2];
            model.predict(Tuple.of(model.schema(), features), posteriori);
            return posteriori[1];
        }

        @Override
        @SuppressWarnings("unchecked")
        public double[] contributions(double[] features) {
            return positiveClass(((SHAP<Tuple>) model).shap(Tuple.of(model.schema(), features)), features.length);
        }

        @Override
        public ToDoubleFunction<double[]> scorer() {
            return model instanceof GradientTreeBoost boosted
                    ? FlatTrees.of(boosted, shrinkage).<ToDoubleFunction<double[]>>map(flat -> flat::probability)
                            .orElse(this::rawProbability)
                    : this::rawProbability;
        }
    }

    record Logistic(LogisticRegression.Binomial model) implements PairClassifier {
        @Override
        public double rawProbability(double[] features) {
            double[] posteriori = new double[2];
            model.predict(features, posteriori);
            return posteriori[1];
        }

        @Override
        public double[] contributions(double[] features) {
            double[] weights = model.coefficients();
            double[] contributions = new double[features.length];
            for (int i = 0; i < features.length; i++) {
                contributions[i] = weights[i] * features[i];
            }
            return contributions;
        }

        @Override
        public Algorithm algorithm() {
            return Algorithm.LOGISTIC_REGRESSION;
        }
    }

    /**
     * Smile's SHAP gives {@code p * k} values, feature-major with one per class, or {@code p} when the model keeps
     * a single score; the match class is the second.
     */
    private static double[] positiveClass(double[] shap, int features) {
        if (shap.length == features) {
            return shap;
        }
        int classes = shap.length / features;
        double[] positive = new double[features];
        for (int i = 0; i < features; i++) {
            positive[i] = shap[i * classes + 1];
        }
        return positive;
    }
}
