package org.dedup.ml.features;

import java.util.SplittableRandom;
import java.util.function.BiConsumer;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The char-based Jaro-Winkler and Levenshtein give exactly what Apache Commons Text gives (the reference the shipped
 * models were trained with), bit for bit, on random strings over a small alphabet (many matches, transpositions and
 * shared prefixes), strings of unequal and equal lengths, empty strings and characters outside ASCII.
 */
class SimilaritiesTest {
    private static final String ALPHABET = "abcdeé ";
    private static final int PAIRS = 200_000;

    @Test
    void jaroWinklerEqualsCommonsTextOnRandomStrings() {
        JaroWinklerSimilarity reference = new JaroWinklerSimilarity();
        onRandomPairs(20261203, (a, b) -> assertEquals(reference.apply(a, b), Similarities.jaroWinkler(a, b),
                () -> a + " | " + b));
    }

    @Test
    void levenshteinEqualsCommonsTextOnRandomStrings() {
        LevenshteinDistance reference = LevenshteinDistance.getDefaultInstance();
        onRandomPairs(20261204, (a, b) -> assertEquals(reference.apply(a, b), Similarities.editDistance(a, b),
                () -> a + " | " + b));
    }

    /** Checks {@code PAIRS} pairs: a random string and, one time in four, a variant of it, else another one. */
    private static void onRandomPairs(long seed, BiConsumer<String, String> check) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < PAIRS; i++) {
            String a = randomString(random);
            check.accept(a, random.nextInt(4) == 0 ? mutated(a, random) : randomString(random));
        }
    }

    @Test
    void knownJaroWinklerValues() {
        assertEquals(0.9611111111111111, Similarities.jaroWinkler("martha", "marhta"), 1e-15);
        assertEquals(0.0, Similarities.jaroWinkler("abc", ""));
        assertEquals(1.0, Similarities.jaroWinkler("", ""));
    }

    private static String randomString(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(13);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    /** The string with one character swapped with its neighbour, replaced, dropped or added. */
    private static String mutated(String text, SplittableRandom random) {
        StringBuilder changed = new StringBuilder(text);
        int at = text.isEmpty() ? 0 : random.nextInt(text.length());
        char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        switch (text.length() < 2 ? 3 : random.nextInt(4)) {
            case 0 -> {
                int next = Math.min(at + 1, text.length() - 1);
                changed.setCharAt(at, text.charAt(next));
                changed.setCharAt(next, text.charAt(at));
            }
            case 1 -> changed.setCharAt(at, c);
            case 2 -> changed.deleteCharAt(at);
            default -> changed.insert(at, c);
        }
        return changed.toString();
    }
}
