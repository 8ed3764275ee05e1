package org.dedup.ml.features;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.dedup.ml.record.Attribute;

/** One way of comparing two known values of an attribute; each gives one feature, 0..1. */
public enum Comparison {
    JARO_WINKLER {
        @Override
        double compare(Attribute attribute, String a, String b, ValueFrequencies frequencies) {
            return Similarities.jaroWinkler(a, b);
        }
    },
    LEVENSHTEIN {
        @Override
        double compare(Attribute attribute, String a, String b, ValueFrequencies frequencies) {
            return Similarities.levenshtein(a, b);
        }
    },
    BIGRAM_DICE {
        @Override
        double compare(Attribute attribute, String a, String b, ValueFrequencies frequencies) {
            return Similarities.bigramDice(a, b);
        }
    },
    TOKEN_SET {
        @Override
        double compare(Attribute attribute, String a, String b, ValueFrequencies frequencies) {
            return Similarities.tokenSet(a, b);
        }
    },
    SOUND_ALIKE {
        @Override
        double compare(Attribute attribute, String a, String b, ValueFrequencies frequencies) {
            return Similarities.soundAlike(a, b) ? 1.0 : 0.0;
        }
    },
    EXACT {
        @Override
        double compare(Attribute attribute, String a, String b, ValueFrequencies frequencies) {
            return a.equals(b) ? 1.0 : 0.0;
        }
    },
    /** The rarity of the value when both are equal: agreeing on a rare value weighs more. */
    EQUAL_RARITY {
        @Override
        double compare(Attribute attribute, String a, String b, ValueFrequencies frequencies) {
            return a.equals(b) ? frequencies.rarity(attribute, a) : 0.0;
        }
    },
    /** 1 / (1 + |a - b|) for numbers such as street numbers; 0 when either is not a number. */
    NUMERIC_CLOSENESS {
        @Override
        double compare(Attribute attribute, String a, String b, ValueFrequencies frequencies) {
            try {
                return 1.0 / (1.0 + Math.abs(Double.parseDouble(a) - Double.parseDouble(b)));
            } catch (NumberFormatException e) {
                return 0.0;
            }
        }
    },
    /** exp(-days apart / 365) for dates written yyyyMMdd or yyyy-MM-dd; 0 when either is not such a date. */
    DATE_CLOSENESS {
        @Override
        double compare(Attribute attribute, String a, String b, ValueFrequencies frequencies) {
            LocalDate first = date(a);
            LocalDate second = date(b);
            if (first == null || second == null) {
                return 0.0;
            }
            return Math.exp(-Math.abs(ChronoUnit.DAYS.between(first, second)) / 365.0);
        }
    },
    /** 1 when the dates are equal once day and month of one are swapped (a common keying error). */
    DAY_MONTH_SWAPPED {
        @Override
        double compare(Attribute attribute, String a, String b, ValueFrequencies frequencies) {
            String x = digits(a);
            String y = digits(b);
            if (x.length() != 8 || y.length() != 8 || x.equals(y)) {
                return 0.0;
            }
            return x.substring(0, 4).equals(y.substring(0, 4)) && x.substring(4, 6).equals(y.substring(6, 8))
                    && x.substring(6, 8).equals(y.substring(4, 6)) ? 1.0 : 0.0;
        }
    };

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    abstract double compare(Attribute attribute, String a, String b, ValueFrequencies frequencies);

    /** The feature's name: the attribute key and the comparison, e.g. {@code surname_jaro_winkler}. */
    public String featureName(String prefix) {
        return prefix + "_" + name().toLowerCase(java.util.Locale.ROOT);
    }

    private static LocalDate date(String value) {
        String digits = digits(value);
        if (digits.length() != 8) {
            return null;
        }
        try {
            return LocalDate.parse(digits, BASIC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String digits(String value) {
        StringBuilder digits = new StringBuilder(8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }
}
