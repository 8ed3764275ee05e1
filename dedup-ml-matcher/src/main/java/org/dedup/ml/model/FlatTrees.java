package org.dedup.ml.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import smile.base.cart.InternalNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;
import smile.classification.GradientTreeBoost;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.regression.RegressionTree;

/**
 * Smile's boosted regression trees laid out in flat arrays for scoring. Smile keeps each node as an object of its
 * own, so a pair scored by 100 trees chases hundreds of pointers across the heap; here the nodes of all trees sit in
 * a few arrays that stay in the processor's cache. The results are Smile's own: split values are recovered through
 * the public {@link OrdinalNode#branch} (the largest value that still branches left is the split value), the
 * intercept from one prediction of the model, and {@code FlatTreesTest} checks every probability against
 * {@link GradientTreeBoost#predict}. A model with a node of another kind is not flattened.
 */
final class FlatTrees {
    private static final int LEAF = -1;
    private final int[] feature;
    private final double[] value;
    /** The false child; the true child of node n is n + 1, as nodes are laid out depth first, true child first. */
    private final int[] right;
    private final int[] roots;
    private final double intercept;
    private final double shrinkage;

    private FlatTrees(List<Integer> feature, List<Double> value, List<Integer> right, int[] roots, double intercept,
                      double shrinkage) {
        this.feature = feature.stream().mapToInt(Integer::intValue).toArray();
        this.value = value.stream().mapToDouble(Double::doubleValue).toArray();
        this.right = right.stream().mapToInt(Integer::intValue).toArray();
        this.roots = roots;
        this.intercept = intercept;
        this.shrinkage = shrinkage;
    }

    /** The flat form of a binary boosted model trained with {@code shrinkage}, if every node is ordinal. */
    static Optional<FlatTrees> of(GradientTreeBoost model, double shrinkage) {
        RegressionTree[][] forest = model.trees();
        if (forest.length != 1) {
            return Optional.empty();
        }
        StructType schema = forest[0][0].schema();
        Builder builder = new Builder(new double[schema.length()], schema);
        int[] roots = new int[forest[0].length];
        for (int t = 0; t < roots.length; t++) {
            roots[t] = builder.add(forest[0][t].root());
            if (roots[t] < 0) {
                return Optional.empty();
            }
        }
        FlatTrees unbiased = builder.build(roots, 0.0, shrinkage);
        double[] probe = new double[schema.length()];
        double[] posteriori = new double[2];
        model.predict(Tuple.of(model.schema(), probe), posteriori);
        double margin = 0.5 * Math.log(1 / posteriori[0] - 1);
        return Optional.of(builder.build(roots, margin - unbiased.margin(probe), shrinkage));
    }

    /** The match probability, as {@link GradientTreeBoost#predict} gives it for the second class. */
    double probability(double[] x) {
        return 1.0 - 1.0 / (1.0 + Math.exp(2 * margin(x)));
    }

    private double margin(double[] x) {
        double y = intercept;
        for (int root : roots) {
            int node = root;
            while (feature[node] != LEAF) {
                node = x[feature[node]] <= value[node] ? node + 1 : right[node];
            }
            y += shrinkage * value[node];
        }
        return y;
    }

    /** Appends nodes depth first; a node it cannot flatten makes {@link #add} return -1. */
    private static final class Builder {
        private final List<Integer> feature = new ArrayList<>();
        private final List<Double> value = new ArrayList<>();
        private final List<Integer> right = new ArrayList<>();
        private final double[] probe;
        private final Tuple tuple;

        Builder(double[] probe, StructType schema) {
            this.probe = probe;
            this.tuple = Tuple.of(schema, probe);
        }

        int add(Node node) {
            int index = feature.size();
            feature.add(LEAF);
            value.add(0.0);
            right.add(LEAF);
            if (node instanceof RegressionNode leaf) {
                value.set(index, leaf.output());
                return index;
            }
            if (!(node instanceof OrdinalNode split)) {
                return -1;
            }
            int trueChild = add(((InternalNode) split).trueChild());
            int falseChild = add(split.falseChild());
            if (trueChild < 0 || falseChild < 0) {
                return -1;
            }
            feature.set(index, split.feature());
            value.set(index, splitValue(split));
            right.set(index, falseChild);
            return index;
        }

        /** The largest double that still branches to the true child: the node's split value itself. */
        private double splitValue(OrdinalNode split) {
            long low = sortable(-Double.MAX_VALUE);
            long high = sortable(Double.MAX_VALUE);
            while (low < high) {
                long span = high - low;
                long middle = low + (span >>> 1) + (span & 1);
                probe[split.feature()] = fromSortable(middle);
                if (split.branch(tuple)) {
                    low = middle;
                } else {
                    high = middle - 1;
                }
            }
            probe[split.feature()] = 0.0;
            return fromSortable(low);
        }

        FlatTrees build(int[] roots, double intercept, double shrinkage) {
            return new FlatTrees(feature, value, right, roots, intercept, shrinkage);
        }

        /** Doubles mapped to longs of the same order. */
        private static long sortable(double x) {
            long bits = Double.doubleToLongBits(x);
            return bits >= 0 ? bits : bits ^ Long.MAX_VALUE;
        }

        private static double fromSortable(long sortable) {
            return Double.longBitsToDouble(sortable >= 0 ? sortable : sortable ^ Long.MAX_VALUE);
        }
    }
}
