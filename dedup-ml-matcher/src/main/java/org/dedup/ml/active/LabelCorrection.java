package org.dedup.ml.active;

import java.util.Arrays;
import java.util.List;

import org.dedup.ml.model.CalibratedClassifier;
import org.dedup.ml.model.ScoreAdjustment;
import org.dedup.ml.model.ScoreCorrection;

/**
 * What a few labelled pairs teach a trained model, cheaply enough to refit between two answers: a logistic
 * regression whose offset is the model's own log-odds, {@code logit p' = logit p + u(p) (b + w . z)}, with {@code z}
 * the pair's features standardized on the candidate pairs and {@code u(p) = 4 p (1 - p)} the model's uncertainty
 * (1 at p = 0.5, near 0 where it is sure). A few hundred labels refine the model where it is unsure and cannot
 * overrule it where thousands of training pairs made it sure (without {@code u}, 50 labels near the threshold
 * turned Chicago's confident matches into non-matches: BENCHMARKS.md, issue 22). Every coefficient is pulled
 * towards zero by an L2 penalty, so with no labels the model is unchanged. Fitted by Newton's method (a few dozen
 * coefficients, a few hundred labels: milliseconds).
 */
public final class LabelCorrection implements ScoreAdjustment {
    /** The penalty on each coefficient, in units of one label's log-loss: chosen before any held-out figure. */
    public static final double DEFAULT_PENALTY = 10.0;
    private static final double EDGE = 1e-6;
    private static final int ITERATIONS = 25;
    private final double[] means;
    private final double[] scales;
    private final double[] coefficients;
    private final ScoreCorrection stored;

    private LabelCorrection(double[] means, double[] scales, double[] coefficients, int labels) {
        this.means = means;
        this.scales = scales;
        this.coefficients = coefficients;
        double[] weights = new double[means.length];
        for (int j = 0; j < means.length; j++) {
            weights[j] = Double.isInfinite(scales[j]) ? 0 : coefficients[j + 1] / scales[j];
        }
        this.stored = new ScoreCorrection(labels, coefficients[0], means, weights);
    }

    /** One labelled pair as the correction reads it: the model's probability, the features and the answer. */
    public record Example(double probability, double[] features, boolean match) {
    }

    /** No correction: the model as trained. */
    public static LabelCorrection none(int featureCount) {
        double[] scales = new double[featureCount];
        Arrays.fill(scales, 1.0);
        return new LabelCorrection(new double[featureCount], scales, new double[featureCount + 1], 0);
    }

    /**
     * The correction fitted on {@code examples}, the features standardized by their means and spreads over
     * {@code pool} (the candidate pairs, labelled or not; the examples when empty).
     */
    public static LabelCorrection fit(List<Example> examples, double[][] pool, int featureCount, double penalty) {
        LabelCorrection standardized = standardizer(pool.length > 0 ? pool
                : examples.stream().map(Example::features).toArray(double[][]::new), featureCount);
        if (examples.isEmpty()) {
            return standardized;
        }
        int size = featureCount + 1;
        double[][] rows = examples.stream().map(e -> standardized.row(e.probability(), e.features()))
                .toArray(double[][]::new);
        double[] offsets = examples.stream().mapToDouble(e -> logit(e.probability())).toArray();
        double[] theta = new double[size];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[size];
            double[][] hessian = new double[size][size];
            for (int j = 0; j < size; j++) {
                gradient[j] = penalty * theta[j];
                hessian[j][j] = penalty;
            }
            for (int i = 0; i < rows.length; i++) {
                double p = sigmoid(offsets[i] + dot(theta, rows[i]));
                double residual = p - (examples.get(i).match() ? 1 : 0);
                double weight = p * (1 - p);
                for (int j = 0; j < size; j++) {
                    gradient[j] += residual * rows[i][j];
                    for (int k = 0; k <= j; k++) {
                        hessian[j][k] += weight * rows[i][j] * rows[i][k];
                    }
                }
            }
            double[] step = solveSymmetric(hessian, gradient);
            double largest = 0;
            for (int j = 0; j < size; j++) {
                theta[j] -= step[j];
                largest = Math.max(largest, Math.abs(step[j]));
            }
            if (largest < 1e-8) {
                break;
            }
        }
        return new LabelCorrection(standardized.means, standardized.scales, theta, examples.size());
    }

    /**
     * The corrected probability. Scored by the {@link #stored() stored form}, so a model file carrying it scores
     * exactly as this session does.
     */
    @Override
    public double probability(double probability, double[] features) {
        return stored.probability(probability, features);
    }

    /** The correction as a model file stores it ({@code dedup train} with few labels). */
    public ScoreCorrection stored() {
        return stored;
    }

    private double[] row(double probability, double[] features) {
        double p = Math.min(1 - EDGE, Math.max(EDGE, probability));
        double uncertainty = 4 * p * (1 - p);
        double[] row = new double[means.length + 1];
        row[0] = uncertainty;
        for (int j = 0; j < means.length; j++) {
            row[j + 1] = uncertainty * (features[j] - means[j]) / scales[j];
        }
        return row;
    }

    private static LabelCorrection standardizer(double[][] pool, int featureCount) {
        double[] means = new double[featureCount];
        double[] scales = new double[featureCount];
        for (double[] features : pool) {
            for (int j = 0; j < featureCount; j++) {
                means[j] += features[j] / pool.length;
            }
        }
        for (double[] features : pool) {
            for (int j = 0; j < featureCount; j++) {
                scales[j] += (features[j] - means[j]) * (features[j] - means[j]) / pool.length;
            }
        }
        for (int j = 0; j < featureCount; j++) {
            // a feature constant over the candidates says nothing: standardized, it is zero everywhere
            scales[j] = scales[j] > 1e-12 ? Math.sqrt(scales[j]) : Double.POSITIVE_INFINITY;
        }
        return new LabelCorrection(means, scales, new double[featureCount + 1], 0);
    }

    /** Solves H x = g for a symmetric positive definite H given by its lower triangle (Cholesky). */
    private static double[] solveSymmetric(double[][] lower, double[] g) {
        int n = g.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = lower[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j][j];
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = g[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * y[k];
            }
            y[i] = sum / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }

    private static double logit(double probability) {
        return CalibratedClassifier.logit(Math.min(1 - EDGE, Math.max(EDGE, probability)));
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
