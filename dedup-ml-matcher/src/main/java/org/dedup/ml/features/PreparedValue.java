package org.dedup.ml.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One attribute value with what its comparisons derive from it, computed once per record rather than once per pair,
 * and only what the attribute's comparisons use: its phonetic codes, sorted character bigrams and words (with each
 * word's rarity), its value as a number and as a date (and the date's digits), its house number and street, and how
 * rare it is.
 */
record PreparedValue(String text, String phoneticPrimary, String phoneticAlternate, String[] bigrams,
                     String[] tokens, double[] tokenWeights, double number, long epochDay, String dateDigits,
                     double rarity, String houseNumber, String street) {
    static final long NO_DATE = Long.MIN_VALUE;

    private static final String[] NONE = new String[0];
    private static final double[] NO_WEIGHTS = new double[0];

    static PreparedValue of(String text, Set<Comparison> comparisons, ValueFrequencies.Rarities rarities) {
        boolean phonetic = comparisons.contains(Comparison.SOUND_ALIKE);
        boolean words = comparisons.contains(Comparison.TOKEN_SET) || comparisons.contains(Comparison.RARE_TOKENS)
                || comparisons.contains(Comparison.TOKEN_CONTAINMENT);
        String[] tokens = words ? sorted(List.of(text.split(" "))) : NONE;
        double[] weights = comparisons.contains(Comparison.RARE_TOKENS)
                ? Arrays.stream(tokens).mapToDouble(t -> rarities.of(t)).toArray()
                : NO_WEIGHTS;
        boolean address = comparisons.contains(Comparison.HOUSE_NUMBER);
        int space = text.indexOf(' ');
        String first = space < 0 ? text : text.substring(0, space);
        boolean numbered = address && !first.isEmpty() && Character.isDigit(first.charAt(0));
        return new PreparedValue(text,
                phonetic ? Similarities.phoneticCode(text) : "",
                phonetic ? Similarities.alternatePhoneticCode(text) : "",
                comparisons.contains(Comparison.BIGRAM_DICE) ? sorted(bigrams(text)) : NONE,
                tokens, weights,
                comparisons.contains(Comparison.NUMERIC_CLOSENESS) ? number(text) : Double.NaN,
                comparisons.contains(Comparison.DATE_CLOSENESS) ? Dates.epochDay(text) : NO_DATE,
                comparisons.contains(Comparison.DAY_MONTH_SWAPPED) ? Dates.digits(text) : "",
                comparisons.contains(Comparison.EQUAL_RARITY) ? rarities.of(text) : 0.0,
                numbered ? first : "", numbered && space > 0 ? text.substring(space + 1) : text);
    }

    private static List<String> bigrams(String text) {
        List<String> grams = new ArrayList<>(Math.max(0, text.length() - 1));
        for (int i = 0; i + 2 <= text.length(); i++) {
            grams.add(text.substring(i, i + 2));
        }
        return grams;
    }

    private static String[] sorted(List<String> values) {
        String[] array = values.toArray(String[]::new);
        Arrays.sort(array);
        return array;
    }

    /** The number a text of digits with at most one '.' stands for; NaN for anything else (no exception thrown). */
    private static double number(String text) {
        int dots = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            dots += c == '.' ? 1 : 0;
            if ((c < '0' || c > '9') && c != '.' || dots > 1) {
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
