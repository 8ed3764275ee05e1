package org.dedup.ml.training;

import java.util.Random;

/** Keying errors for generated duplicates. */
final class Typos {
    private Typos() {
    }

    /** One keying error: a character dropped, doubled, replaced (a digit by a digit) or two neighbours swapped. */
    static String typo(Random random, String value) {
        if (value.length() < 3) {
            return value;
        }
        int at = 1 + random.nextInt(value.length() - 2);
        char replacement = Character.isDigit(value.charAt(at)) ? (char) ('0' + random.nextInt(10))
                : (char) ('a' + random.nextInt(26));
        return switch (random.nextInt(4)) {
            case 0 -> value.substring(0, at) + value.substring(at + 1);
            case 1 -> value.substring(0, at) + value.charAt(at) + value.substring(at);
            case 2 -> value.substring(0, at) + replacement + value.substring(at + 1);
            default -> value.substring(0, at - 1) + value.charAt(at) + value.charAt(at - 1) + value.substring(at + 1);
        };
    }
}
