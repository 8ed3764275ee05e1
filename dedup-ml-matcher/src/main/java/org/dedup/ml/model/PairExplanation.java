package org.dedup.ml.model;

import java.util.List;

/**
 * Why a model scored a pair as it did: the calibrated probability and, per feature, its value and its contribution
 * to the classifier's score (SHAP values for tree ensembles, in log-odds for boosting; coefficient times value for
 * logistic regression). Positive contributions push towards "duplicate".
 */
public record PairExplanation(double probability, Algorithm algorithm, List<Contribution> contributions) {
    public PairExplanation {
        contributions = List.copyOf(contributions);
    }

    public record Contribution(String feature, double value, double contribution) {
    }
}
