package org.dedup.ml.features;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Dates written as eight digits, yyyyMMdd, with or without separators ("1956-04-09"). */
final class Dates {
    private Dates() {
    }

    /** The day number of the date, or {@link PreparedValue#NO_DATE} when the text is not such a date. */
    static long epochDay(String text) {
        String digits = digits(text);
        if (digits.length() != 8) {
            return PreparedValue.NO_DATE;
        }
        try {
            return LocalDate.of(Integer.parseInt(digits, 0, 4, 10), Integer.parseInt(digits, 4, 6, 10),
                    Integer.parseInt(digits, 6, 8, 10)).toEpochDay();
        } catch (DateTimeException e) {
            return PreparedValue.NO_DATE;
        }
    }

    /**
     * 1 when both are eight-digit dates of the same year with day and month swapped (and not equal); given the
     * {@link #digits} of each.
     */
    static boolean dayAndMonthSwapped(String x, String y) {
        return x.length() == 8 && y.length() == 8 && !x.equals(y) && x.regionMatches(0, y, 0, 4)
                && x.regionMatches(4, y, 6, 2) && x.regionMatches(6, y, 4, 2);
    }

    /** The digits of a date as written, in order. */
    static String digits(String value) {
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
