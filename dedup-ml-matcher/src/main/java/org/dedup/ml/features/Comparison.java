package org.dedup.ml.features;

import java.util.Locale;

/** One way of comparing two known values of an attribute; each gives one feature, 0..1. */
public enum Comparison {
    JARO_WINKLER {
        @Override
        double compare(PreparedValue a, PreparedValue b) {
            return Similarities.jaroWinkler(a.text(), b.text());
        }
    },
    LEVENSHTEIN {
        @Override
        double compare(PreparedValue a, PreparedValue b) {
            return Similarities.levenshtein(a.text(), b.text());
        }
    },
    /** Dice coefficient of the character bigrams (q-grams with q = 2). */
    BIGRAM_DICE {
        @Override
        double compare(PreparedValue a, PreparedValue b) {
            return Similarities.dice(a.bigrams(), b.bigrams());
        }
    },
    /** Dice coefficient of the words: word order does not matter. */
    TOKEN_SET {
        @Override
        double compare(PreparedValue a, PreparedValue b) {
            return Similarities.dice(a.tokens(), b.tokens());
        }
    },
    /** 1 when the primary or the alternate Double Metaphone codes are equal. */
    SOUND_ALIKE {
        @Override
        double compare(PreparedValue a, PreparedValue b) {
            return a.phoneticPrimary().equals(b.phoneticPrimary())
                    || a.phoneticAlternate().equals(b.phoneticAlternate()) ? 1.0 : 0.0;
        }
    },
    EXACT {
        @Override
        double compare(PreparedValue a, PreparedValue b) {
            return a.text().equals(b.text()) ? 1.0 : 0.0;
        }
    },
    /** The rarity of the value when both are equal: agreeing on a rare value weighs more. */
    EQUAL_RARITY {
        @Override
        double compare(PreparedValue a, PreparedValue b) {
            return a.text().equals(b.text()) ? a.rarity() : 0.0;
        }
    },
    /** 1 / (1 + |a - b|) for numbers such as street numbers; 0 when either is not a number. */
    NUMERIC_CLOSENESS {
        @Override
        double compare(PreparedValue a, PreparedValue b) {
            double distance = Math.abs(a.number() - b.number());
            return Double.isNaN(distance) ? 0.0 : 1.0 / (1.0 + distance);
        }
    },
    /** exp(-days apart / 365) for dates written yyyyMMdd; 0 when either is not such a date. */
    DATE_CLOSENESS {
        @Override
        double compare(PreparedValue a, PreparedValue b) {
            if (a.epochDay() == PreparedValue.NO_DATE || b.epochDay() == PreparedValue.NO_DATE) {
                return 0.0;
            }
            return Math.exp(-Math.abs(a.epochDay() - b.epochDay()) / 365.0);
        }
    },
    /** The share of the shorter value's words found in the other: "jenner" in "cps jenner academy". */
    TOKEN_CONTAINMENT {
        @Override
        double compare(PreparedValue a, PreparedValue b) {
            int smaller = Math.min(a.tokens().length, b.tokens().length);
            return smaller == 0 ? 0.0 : Similarities.shared(a.tokens(), b.tokens()) / (double) smaller;
        }
    },
    /** Shared words weighted by their rarity over all words weighted so: sharing "jenner" weighs, "school" little. */
    RARE_TOKENS {
        @Override
        double compare(PreparedValue a, PreparedValue b) {
            return Similarities.weightedJaccard(a.tokens(), a.tokenWeights(), b.tokens(), b.tokenWeights());
        }
    },
    /** For addresses: 1 when both start with the same house number, 0 when the numbers differ, 0.5 without one. */
    HOUSE_NUMBER {
        @Override
        double compare(PreparedValue a, PreparedValue b) {
            if (a.houseNumber().isEmpty() || b.houseNumber().isEmpty()) {
                return 0.5;
            }
            return a.houseNumber().equals(b.houseNumber()) ? 1.0 : 0.0;
        }
    },
    /** For addresses: Jaro-Winkler of what follows the house number (the street). */
    STREET_JARO_WINKLER {
        @Override
        double compare(PreparedValue a, PreparedValue b) {
            return Similarities.jaroWinkler(a.street(), b.street());
        }
    },
    /** 1 when the dates are equal once day and month of one are swapped (a common keying error). */
    DAY_MONTH_SWAPPED {
        @Override
        double compare(PreparedValue a, PreparedValue b) {
            return Dates.dayAndMonthSwapped(a.dateDigits(), b.dateDigits()) ? 1.0 : 0.0;
        }
    };

    abstract double compare(PreparedValue a, PreparedValue b);

    /** The feature's name: the attribute key and the comparison, e.g. {@code surname_jaro_winkler}. */
    public String featureName(String prefix) {
        return prefix + "_" + name().toLowerCase(Locale.ROOT);
    }
}
