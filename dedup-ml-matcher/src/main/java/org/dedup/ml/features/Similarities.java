package org.dedup.ml.features;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The string comparisons behind the pair features: Jaro-Winkler and Levenshtein from Apache Commons Text, Double
 * Metaphone from Apache Commons Codec, and the Dice coefficient of prepared multisets.
 */
public final class Similarities {
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private Similarities() {
    }

    public static double jaroWinkler(String a, String b) {
        return a.equals(b) ? 1.0 : JARO_WINKLER.apply(a, b);
    }

    /** 1 - edit distance / longer length: 1 for equal strings, 0 for nothing in common. */
    public static double levenshtein(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        return 1.0 - (double) LEVENSHTEIN.apply(a, b) / Math.max(a.length(), b.length());
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
