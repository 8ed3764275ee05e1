package org.dedup.domain.match;

import java.util.Arrays;
import java.util.List;

import org.dedup.domain.model.Require;

/**
 * The pairs a {@link RecordLinker} scored, by the records' positions in the scan, with the score and what it says
 * ({@link Level}), and how to explain a pair: primitive arrays, since a million records make millions of candidate
 * pairs, and explanations made only for the pairs asked about.
 */
public final class ScoredPairs {
    private final Explainer explainer;
    private int[] first = new int[1_024];
    private int[] second = new int[1_024];
    private double[] score = new double[1_024];
    private byte[] level = new byte[1_024];
    private int size;

    /** Explains the pair of the records at two positions of the scan, scored {@code score}: the values compared. */
    @FunctionalInterface
    public interface Explainer {
        List<FieldMatch> explain(int first, int second, double score);
    }

    public ScoredPairs(Explainer explainer) {
        this.explainer = Require.nonNull(explainer, "pair explainer");
    }

    /** No pairs, as a search by rules alone has. */
    public static ScoredPairs none() {
        return new ScoredPairs((a, b, score) -> List.of());
    }

    /** What a score says of a pair. */
    public enum Level {
        /** Below the review threshold: the two are never put in one group, not even through a third record. */
        APART,
        /** Between the thresholds, or a merge an evidence rule forbids: no ground for a group, and no bar to one. */
        REVIEW,
        /** At or above the merge threshold: the pair links its records into one group. */
        MERGE
    }

    public void add(int a, int b, double pairScore, Level pairLevel) {
        if (a == b) {
            throw new IllegalArgumentException("a scored pair needs two different records, got " + a + " twice");
        }
        if (size == first.length) {
            first = Arrays.copyOf(first, size * 2);
            second = Arrays.copyOf(second, size * 2);
            score = Arrays.copyOf(score, size * 2);
            level = Arrays.copyOf(level, size * 2);
        }
        first[size] = Math.min(a, b);
        second[size] = Math.max(a, b);
        score[size] = pairScore;
        level[size] = (byte) pairLevel.ordinal();
        size++;
    }

    public int size() {
        return size;
    }

    public int first(int pair) {
        return first[pair];
    }

    public int second(int pair) {
        return second[pair];
    }

    public double score(int pair) {
        return score[pair];
    }

    public Level level(int pair) {
        return Level.values()[level[pair]];
    }

    /** Why the records at positions {@code a} and {@code b}, in that order, scored {@code score}. */
    public List<FieldMatch> explain(int a, int b, double score) {
        return explainer.explain(a, b, score);
    }
}
