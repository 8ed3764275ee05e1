package org.dedup.ml.model;

/** The Smile classifiers the BIG DATA model can be trained with. */
public enum Algorithm {
    GRADIENT_BOOSTING, RANDOM_FOREST, LOGISTIC_REGRESSION
}
