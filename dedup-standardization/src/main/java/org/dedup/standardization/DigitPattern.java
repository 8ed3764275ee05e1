package org.dedup.standardization;

import java.util.Arrays;

/**
 * A metadata number pattern compiled to a deterministic automaton over the ten digits: a match is one table look-up
 * per digit, where {@link java.util.regex.Pattern} backtracks through every alternative of a region's long
 * patterns. For strings of ASCII digits, {@link #matches} answers exactly like {@code Pattern.matcher(s).matches()}
 * and {@link #matchesPrefixOf} like {@code lookingAt()}, since the patterns have no construct that makes a
 * backtracking match differ from the regular language.
 */
final class DigitPattern {
    static final int DEAD = -1;
    /** The pattern libphonenumber gives a number type that has no numbers: it never matches. */
    static final DigitPattern NEVER = new DigitPattern(deadRow(), new boolean[10]);

    private final int[] next;
    private final boolean[] accepting;

    /**
     * States are numbered 0, 10, 20, ... so that {@code next[state + digit]} is the following state, or
     * {@link #DEAD}, without a multiplication per digit; state 0 is the start, {@code accepting[state]} tells.
     */
    DigitPattern(int[] next, boolean[] accepting) {
        this.next = next;
        this.accepting = accepting;
    }

    /** @throws IllegalArgumentException for a construct outside {@link DigitRegexParser}'s subset */
    static DigitPattern compile(String regex) {
        return DigitAutomatonBuilder.build(DigitRegexParser.parse(regex));
    }

    boolean matches(CharSequence digits) {
        int state = 0;
        for (int i = 0; i < digits.length() && state != DEAD; i++) {
            state = step(state, digits.charAt(i));
        }
        return state != DEAD && accepting[state];
    }

    boolean matchesPrefixOf(CharSequence digits) {
        int state = 0;
        for (int i = 0; !accepting[state]; i++) {
            if (i == digits.length()) {
                return false;
            }
            state = step(state, digits.charAt(i));
            if (state == DEAD) {
                return false;
            }
        }
        return true;
    }

    private static int[] deadRow() {
        int[] row = new int[10];
        Arrays.fill(row, DEAD);
        return row;
    }

    private int step(int state, char c) {
        int digit = c - '0';
        return digit < 0 || digit > 9 ? DEAD : next[state + digit];
    }
}
