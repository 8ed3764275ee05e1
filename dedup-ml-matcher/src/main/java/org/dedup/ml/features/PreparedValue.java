package org.dedup.ml.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.dedup.ml.record.Attribute;

/**
 * One attribute value with everything its comparisons derive from it, computed once per record rather than once
 * per pair: its phonetic codes, sorted character bigrams and words, its value as a number and as a date, and how
 * rare it is.
 */
record PreparedValue(String text, String phoneticPrimary, String phoneticAlternate, String[] bigrams,
                     String[] tokens, double number, long epochDay, double rarity) {
    static final long NO_DATE = Long.MIN_VALUE;

    static PreparedValue of(Attribute attribute, String text, ValueFrequencies frequencies) {
        return new PreparedValue(text, Similarities.phoneticCode(text), Similarities.alternatePhoneticCode(text),
                sorted(bigrams(text)), sorted(List.of(text.split(" "))), number(text), Dates.epochDay(text),
                frequencies.rarity(attribute, text));
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

    private static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
