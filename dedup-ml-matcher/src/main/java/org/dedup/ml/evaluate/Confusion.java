package org.dedup.ml.evaluate;

/**
 * The confusion matrix of pair decisions at one threshold. False negatives include the true pairs blocking never
 * proposed, so recall is over every true pair, not only the candidates.
 */
public record Confusion(double threshold, long truePositives, long falsePositives, long falseNegatives,
                        long trueNegatives) {

    public double precision() {
        long predicted = truePositives + falsePositives;
        return predicted == 0 ? 1.0 : (double) truePositives / predicted;
    }

    public double recall() {
        long actual = truePositives + falseNegatives;
        return actual == 0 ? 1.0 : (double) truePositives / actual;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }
}
