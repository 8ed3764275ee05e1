package org.dedup.ml.evaluate;

import java.util.List;

import org.dedup.ml.model.ModelMetadata;

/** The outcome of an evaluation: the blocking report, the scored candidates and the metrics they give. */
public record EvaluationResult(String dataset, ModelMetadata model, double threshold, BlockingReport blocking,
                               ScoredPairs scored) {
    public static final double TABLE_STEP = 0.05;
    public static final double CURVE_STEP = 0.01;

    /** The confusion matrix at the model's merge threshold. */
    public Confusion atThreshold() {
        return scored.at(threshold);
    }

    public List<Confusion> thresholdTable() {
        return scored.sweep(TABLE_STEP);
    }

    /** Precision against recall at each threshold of a fine sweep. */
    public List<Confusion> precisionRecallCurve() {
        return scored.sweep(CURVE_STEP);
    }
}
