package org.dedup.ml.features;

import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * The string comparisons behind the pair features: Jaro-Winkler and Levenshtein on the strings' chars (the same
 * results as Apache Commons Text's {@code JaroWinklerSimilarity} and {@code LevenshteinDistance}, which since 1.13
 * compare boxed elements and cost most of a pair's scoring time; {@code SimilaritiesTest} checks both against them),
 * Double Metaphone from Apache Commons Codec, and the Dice coefficient of prepared multisets.
 */
public final class Similarities {
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();
    private static final double WINKLER_SCALING = 0.1;
    private static final double WINKLER_BOOST_THRESHOLD = 0.7;
    private static final int WINKLER_PREFIX = 4;

    private Similarities() {
    }

    /**
     * Jaro-Winkler similarity: characters of the shorter string matched greedily, in order, to unmatched equal
     * characters of the longer within half its length, then the common prefix (at most 4) boosts a score of 0.7 up.
     */
    public static double jaroWinkler(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        boolean aLonger = a.length() > b.length();
        String longer = aLonger ? a : b;
        String shorter = aLonger ? b : a;
        int range = Math.max(longer.length() / 2 - 1, 0);
        boolean[] taken = new boolean[longer.length()];
        boolean[] matched = new boolean[shorter.length()];
        int matches = 0;
        for (int i = 0; i < shorter.length(); i++) {
            char c = shorter.charAt(i);
            for (int j = Math.max(i - range, 0), end = Math.min(i + range + 1, longer.length()); j < end; j++) {
                if (!taken[j] && c == longer.charAt(j)) {
                    matched[i] = true;
                    taken[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int halfTranspositions = 0;
        for (int i = 0, j = 0; i < shorter.length(); i++) {
            if (matched[i]) {
                while (!taken[j]) {
                    j++;
                }
                halfTranspositions += shorter.charAt(i) == longer.charAt(j) ? 0 : 1;
                j++;
            }
        }
        int prefix = 0;
        while (prefix < Math.min(WINKLER_PREFIX, shorter.length()) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        double m = matches;
        double jaro = (m / a.length() + m / b.length() + (m - halfTranspositions / 2.0) / m) / 3.0;
        return jaro < WINKLER_BOOST_THRESHOLD ? jaro : jaro + WINKLER_SCALING * prefix * (1.0 - jaro);
    }

    /** 1 - edit distance / longer length: 1 for equal strings, 0 for nothing in common. */
    public static double levenshtein(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        return 1.0 - (double) editDistance(a, b) / Math.max(a.length(), b.length());
    }

    /**
     * The Levenshtein distance: insertions, deletions and substitutions, each costing 1. A common prefix and suffix
     * change nothing in it, so only what lies between them goes through the table (two rows of it): for a typo in a
     * name that is a few cells instead of all of them.
     */
    static int editDistance(String a, String b) {
        int shorter = Math.min(a.length(), b.length());
        int prefix = 0;
        while (prefix < shorter && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < shorter - prefix
                && a.charAt(a.length() - 1 - suffix) == b.charAt(b.length() - 1 - suffix)) {
            suffix++;
        }
        int aEnd = a.length() - suffix;
        int bLength = b.length() - suffix - prefix;
        int[] previous = new int[bLength + 1];
        int[] current = new int[bLength + 1];
        for (int j = 0; j <= bLength; j++) {
            previous[j] = j;
        }
        for (int i = prefix; i < aEnd; i++) {
            current[0] = i - prefix + 1;
            char c = a.charAt(i);
            for (int j = 1; j <= bLength; j++) {
                int substitution = previous[j - 1] + (c == b.charAt(prefix + j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] row = previous;
            previous = current;
            current = row;
        }
        return previous[bLength];
    }

    /**
     * Dice coefficient of two multisets given as sorted arrays (character bigrams for q-gram similarity, words for
     * token-set similarity): twice the shared elements over all elements.
     */
    public static double dice(String[] a, String[] b) {
        if (a.length + b.length == 0) {
            return 0.0;
        }
        return 2.0 * shared(a, b) / (a.length + b.length);
    }

    /** How many elements two sorted multisets share. */
    public static int shared(String[] a, String[] b) {
        int shared = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            int order = a[i].compareTo(b[j]);
            if (order == 0) {
                shared++;
                i++;
                j++;
            } else if (order < 0) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    /** The weight of the shared elements of two sorted multisets over the weight of all their distinct elements. */
    public static double weightedJaccard(String[] a, double[] aWeights, String[] b, double[] bWeights) {
        double shared = 0;
        double all = 0;
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            int order = i == a.length ? 1 : j == b.length ? -1 : a[i].compareTo(b[j]);
            if (order == 0) {
                shared += aWeights[i];
                all += aWeights[i];
                i++;
                j++;
            } else if (order < 0) {
                all += aWeights[i++];
            } else {
                all += bWeights[j++];
            }
        }
        return all == 0 ? 0.0 : shared / all;
    }

    /** The primary Double Metaphone code of a word, used as a blocking key. */
    public static String phoneticCode(String value) {
        String code = METAPHONE.doubleMetaphone(value);
        return code == null || code.isEmpty() ? value : code;
    }

    /** The alternate Double Metaphone code of a word (the primary one for most words). */
    public static String alternatePhoneticCode(String value) {
        String code = METAPHONE.doubleMetaphone(value, true);
        return code == null || code.isEmpty() ? value : code;
    }

}
