package org.dedup.standardization;

import java.util.List;

/**
 * A regular expression over ASCII digits, as libphonenumber's metadata writes its number patterns: digits, digit
 * classes, {@code \d}, groups, alternatives and counted repetition. Parsed by {@link DigitRegexParser}, turned into
 * an automaton by {@link DigitPattern}.
 */
sealed interface DigitRegex {
    int UNBOUNDED = -1;

    /** One digit out of a set: bit {@code d} of {@code mask} stands for the digit {@code d}. */
    record Digits(int mask) implements DigitRegex {
    }

    record Sequence(List<DigitRegex> items) implements DigitRegex {
    }

    record Choice(List<DigitRegex> alternatives) implements DigitRegex {
    }

    /** {@code item} {@code min} to {@code max} times; {@code max} is {@link #UNBOUNDED} for {@code *} and {@code +}. */
    record Repeat(DigitRegex item, int min, int max) implements DigitRegex {
    }
}
