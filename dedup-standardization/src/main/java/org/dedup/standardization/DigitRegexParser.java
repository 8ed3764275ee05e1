package org.dedup.standardization;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the subset of Java's regular expressions that libphonenumber's metadata uses for number patterns. Anything
 * else (lookaround, lazy or possessive quantifiers, letters, anchors) is refused with an
 * {@link IllegalArgumentException}, so that such a pattern is left to libphonenumber instead of being half-understood.
 */
final class DigitRegexParser {
    private static final int ALL_DIGITS = (1 << 10) - 1;
    private final String regex;
    private int at;

    private DigitRegexParser(String regex) {
        this.regex = regex;
    }

    static DigitRegex parse(String regex) {
        DigitRegexParser parser = new DigitRegexParser(regex);
        DigitRegex parsed = parser.choice();
        if (parser.at != regex.length()) {
            throw parser.unsupported();
        }
        return parsed;
    }

    private DigitRegex choice() {
        List<DigitRegex> alternatives = new ArrayList<>();
        alternatives.add(sequence());
        while (next('|')) {
            alternatives.add(sequence());
        }
        return alternatives.size() == 1 ? alternatives.getFirst() : new DigitRegex.Choice(List.copyOf(alternatives));
    }

    private DigitRegex sequence() {
        List<DigitRegex> items = new ArrayList<>();
        while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
            items.add(quantified(atom()));
        }
        return items.size() == 1 ? items.getFirst() : new DigitRegex.Sequence(List.copyOf(items));
    }

    private DigitRegex atom() {
        char c = regex.charAt(at++);
        if (isDigit(c)) {
            return new DigitRegex.Digits(1 << (c - '0'));
        }
        return switch (c) {
            case '\\' -> new DigitRegex.Digits(escapedClass());
            case '[' -> new DigitRegex.Digits(digitClass());
            case '(' -> group();
            default -> throw unsupported();
        };
    }

    private DigitRegex group() {
        if (regex.startsWith("?:", at)) {
            at += 2;
        } else if (regex.startsWith("?", at)) {
            throw unsupported();
        }
        DigitRegex inner = choice();
        if (!next(')')) {
            throw unsupported();
        }
        return inner;
    }

    private int escapedClass() {
        if (!next('d')) {
            throw unsupported();
        }
        return ALL_DIGITS;
    }

    /** Only digits are ever matched, so a negated class is its complement among the digits. */
    private int digitClass() {
        boolean negated = next('^');
        int mask = 0;
        do {
            if (next('\\')) {
                mask |= escapedClass();
            } else {
                int from = digit();
                int to = next('-') ? digit() : from;
                if (to < from) {
                    throw unsupported();
                }
                mask |= ((1 << (to + 1)) - 1) & ~((1 << from) - 1);
            }
        } while (!next(']'));
        return negated ? ALL_DIGITS & ~mask : mask;
    }

    private DigitRegex quantified(DigitRegex item) {
        if (at >= regex.length()) {
            return item;
        }
        DigitRegex repeated = switch (regex.charAt(at)) {
            case '?' -> repeat(item, 0, 1);
            case '*' -> repeat(item, 0, DigitRegex.UNBOUNDED);
            case '+' -> repeat(item, 1, DigitRegex.UNBOUNDED);
            case '{' -> counted(item);
            default -> item;
        };
        // x?? and x?+ are lazy and possessive: not written in the metadata, and x?+ would change what matches
        if (repeated != item && at < regex.length() && "?*+{".indexOf(regex.charAt(at)) >= 0) {
            throw unsupported();
        }
        return repeated;
    }

    private DigitRegex repeat(DigitRegex item, int min, int max) {
        at++;
        return new DigitRegex.Repeat(item, min, max);
    }

    private DigitRegex counted(DigitRegex item) {
        at++;
        int min = number();
        int max = min;
        if (next(',')) {
            max = at < regex.length() && regex.charAt(at) == '}' ? DigitRegex.UNBOUNDED : number();
        }
        if (!next('}') || (max != DigitRegex.UNBOUNDED && max < min)) {
            throw unsupported();
        }
        return new DigitRegex.Repeat(item, min, max);
    }

    private int number() {
        int start = at;
        while (at < regex.length() && isDigit(regex.charAt(at)) && at - start < 3) {
            at++;
        }
        if (start == at) {
            throw unsupported();
        }
        return Integer.parseInt(regex, start, at, 10);
    }

    private int digit() {
        if (at >= regex.length() || !isDigit(regex.charAt(at))) {
            throw unsupported();
        }
        return regex.charAt(at++) - '0';
    }

    private boolean next(char expected) {
        if (at < regex.length() && regex.charAt(at) == expected) {
            at++;
            return true;
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private IllegalArgumentException unsupported() {
        return new IllegalArgumentException("unsupported digit pattern at " + at + ": " + regex);
    }
}
