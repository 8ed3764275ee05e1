package org.dedup.domain.search;

import java.util.Arrays;

/**
 * The pairs of records bulk search linked: record indexes, the index of what linked them (a rule, or the model
 * after the rules) and the link's weight (1 for a rule, the model's score for a scored pair), in growing primitive
 * arrays (a million records make millions of links, which objects would multiply). Public so a distributed search
 * can hand the links of one connected part to {@link BulkSearch#clusters}.
 */
public final class Links {
    private int[] first = new int[1_024];
    private int[] second = new int[1_024];
    private int[] source = new int[1_024];
    private double[] weight = new double[1_024];
    private int size;

    public void add(int a, int b, int sourceIndex, double linkWeight) {
        if (size == first.length) {
            first = Arrays.copyOf(first, size * 2);
            second = Arrays.copyOf(second, size * 2);
            source = Arrays.copyOf(source, size * 2);
            weight = Arrays.copyOf(weight, size * 2);
        }
        first[size] = Math.min(a, b);
        second[size] = Math.max(a, b);
        source[size] = sourceIndex;
        weight[size] = linkWeight;
        size++;
    }

    int size() {
        return size;
    }

    int first(int link) {
        return first[link];
    }

    int second(int link) {
        return second[link];
    }

    int source(int link) {
        return source[link];
    }

    double weight(int link) {
        return weight[link];
    }
}
