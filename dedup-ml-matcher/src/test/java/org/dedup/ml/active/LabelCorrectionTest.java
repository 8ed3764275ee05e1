package org.dedup.ml.active;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class LabelCorrectionTest {
    private static final int FEATURES = 3;

    private static double[] features(Random random) {
        return new double[] {random.nextDouble(), random.nextDouble(), random.nextInt(2)};
    }

    private static double[][] pool(Random random) {
        double[][] pool = new double[500][];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = features(random);
        }
        return pool;
    }

    @Test
    void withNoLabelTheModelsProbabilityIsUnchanged() {
        Random random = new Random(1);
        LabelCorrection none = LabelCorrection.fit(List.of(), pool(random), FEATURES, LabelCorrection.DEFAULT_PENALTY);

        for (double p : new double[] {0.01, 0.3, 0.5, 0.77, 0.999}) {
            assertEquals(p, none.probability(p, features(random)), 1e-12);
        }
    }

    @Test
    void labelsNearTheThresholdMoveUncertainPairsTheirWay() {
        Random random = new Random(2);
        List<LabelCorrection.Example> examples = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            double[] x = features(random);
            examples.add(new LabelCorrection.Example(0.45 + 0.1 * random.nextDouble(), x, x[2] == 1));
        }
        LabelCorrection correction = LabelCorrection.fit(examples, pool(random), FEATURES,
                LabelCorrection.DEFAULT_PENALTY);

        assertTrue(correction.probability(0.5, new double[] {0.5, 0.5, 1}) > 0.6);
        assertTrue(correction.probability(0.5, new double[] {0.5, 0.5, 0}) < 0.4);
    }

    @Test
    void aFewHundredLabelsCannotOverruleTheModelWhereItIsSure() {
        Random random = new Random(3);
        List<LabelCorrection.Example> examples = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            examples.add(new LabelCorrection.Example(0.5, features(random), false));
        }
        LabelCorrection correction = LabelCorrection.fit(examples, pool(random), FEATURES,
                LabelCorrection.DEFAULT_PENALTY);

        assertTrue(correction.probability(0.5, features(random)) < 0.2);
        assertTrue(correction.probability(0.999, features(random)) > 0.99);
    }
}
