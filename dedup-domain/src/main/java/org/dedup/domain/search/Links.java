package org.dedup.domain.search;

import java.util.Arrays;

/**
 * The pairs of records a rule holds for, found by bulk search: record indexes and the index of the rule, in
 * growing primitive arrays (a million records make millions of links, which objects would multiply).
 */
final class Links {
    private int[] first = new int[1_024];
    private int[] second = new int[1_024];
    private int[] rule = new int[1_024];
    private int size;

    void add(int a, int b, int ruleIndex) {
        if (size == first.length) {
            first = Arrays.copyOf(first, size * 2);
            second = Arrays.copyOf(second, size * 2);
            rule = Arrays.copyOf(rule, size * 2);
        }
        first[size] = Math.min(a, b);
        second[size] = Math.max(a, b);
        rule[size] = ruleIndex;
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

    int rule(int link) {
        return rule[link];
    }
}
