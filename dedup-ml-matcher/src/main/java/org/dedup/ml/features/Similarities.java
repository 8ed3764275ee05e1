package org.dedup.ml.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.text.similarity.IntersectionResult;
import org.apache.commons.text.similarity.IntersectionSimilarity;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** The string comparisons behind the pair features, from Apache Commons Text and Commons Codec. */
public final class Similarities {
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();
    private static final IntersectionSimilarity<String> BIGRAMS = new IntersectionSimilarity<>(Similarities::bigrams);
    private static final IntersectionSimilarity<String> TOKENS = new IntersectionSimilarity<>(Similarities::tokens);
    private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

    private Similarities() {
    }

    public static double jaroWinkler(String a, String b) {
        return JARO_WINKLER.apply(a, b);
    }

    /** 1 - edit distance / longer length: 1 for equal strings, 0 for nothing in common. */
    public static double levenshtein(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        return longer == 0 ? 1.0 : 1.0 - (double) LEVENSHTEIN.apply(a, b) / longer;
    }

    /** Dice coefficient of the character bigrams (q-grams with q = 2). */
    public static double bigramDice(String a, String b) {
        return dice(BIGRAMS.apply(a, b));
    }

    /** Dice coefficient of the words: word order and repeated words do not matter. */
    public static double tokenSet(String a, String b) {
        return dice(TOKENS.apply(a, b));
    }

    public static boolean soundAlike(String a, String b) {
        return METAPHONE.isDoubleMetaphoneEqual(a, b) || METAPHONE.isDoubleMetaphoneEqual(a, b, true);
    }

    /** The primary Double Metaphone code of a word, used as a blocking key. */
    public static String phoneticCode(String value) {
        String code = METAPHONE.doubleMetaphone(value);
        return code == null || code.isEmpty() ? value : code;
    }

    private static double dice(IntersectionResult result) {
        int sizes = result.getSizeA() + result.getSizeB();
        return sizes == 0 ? 0.0 : 2.0 * result.getIntersection() / sizes;
    }

    private static Collection<String> bigrams(CharSequence text) {
        List<String> grams = new ArrayList<>(Math.max(0, text.length() - 1));
        for (int i = 0; i + 2 <= text.length(); i++) {
            grams.add(text.subSequence(i, i + 2).toString());
        }
        return grams;
    }

    private static Collection<String> tokens(CharSequence text) {
        return Arrays.asList(text.toString().split(" "));
    }
}
