package org.dedup.standardization;

import java.util.List;

import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;

/**
 * One number type of a region (fixed line, mobile, toll free, ...) as libphonenumber's metadata describes it: its
 * possible lengths and its national number pattern, compiled.
 *
 * @param lengths bit {@code n} set when a number of {@code n} digits is possible; every bit set when the metadata
 *     lists no lengths (libphonenumber then checks the pattern alone)
 */
record NumberDesc(long lengths, DigitPattern pattern) {
    private static final long ANY_LENGTH = -1L;

    static NumberDesc of(PhoneNumberDesc desc) {
        String regex = desc.getNationalNumberPattern();
        return new NumberDesc(lengthBits(desc.getPossibleLengthList()),
                regex.isEmpty() ? DigitPattern.NEVER : DigitPattern.compile(regex));
    }

    /** libphonenumber's {@code isNumberMatchingDesc}: a possible length and the pattern. */
    boolean matches(String nationalNumber) {
        int length = nationalNumber.length();
        return length < Long.SIZE && (lengths & (1L << length)) != 0 && pattern.matches(nationalNumber);
    }

    /** libphonenumber's {@code matchNationalNumber}: the pattern alone. */
    boolean matchesPattern(CharSequence nationalNumber) {
        return pattern.matches(nationalNumber);
    }

    /** -1 in the metadata's list stands for "no number of this type", which no length matches. */
    private static long lengthBits(List<Integer> possibleLengths) {
        if (possibleLengths.isEmpty()) {
            return ANY_LENGTH;
        }
        long bits = 0;
        for (int length : possibleLengths) {
            if (length >= Long.SIZE - 1) {
                throw new IllegalArgumentException("possible length " + length + " out of range");
            }
            if (length >= 0) {
                bits |= 1L << length;
            }
        }
        return bits;
    }
}
