package org.dedup.standardization;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;

/**
 * The metadata of one region (or non-geographical entity) that parsing and validating a number read, compiled
 * once: number types as {@link DigitPattern}s; prefixes whose match position matters, as in libphonenumber, as
 * {@link Pattern}s. Each method is the libphonenumber step it names, for a number of ASCII digits.
 */
final class NumberingPlan {
    private final String regionCode;
    private final int countryCode;
    private final String countryCodeDigits;
    private final NumberDesc general;
    private final List<NumberDesc> types;
    private final NumberDesc fixedLine;
    private final NumberDesc mobile;
    private final boolean sameMobileAndFixedLine;
    private final DigitPattern leadingDigits;
    private final Pattern internationalPrefix;
    private final List<String> plainInternationalPrefixes;
    private final Pattern nationalPrefix;
    private final List<String> plainNationalPrefixes;
    private final String nationalPrefixTransform;
    private final int[] possibleLengths;
    private final long localOnlyLengths;

    /** @throws IllegalArgumentException when a pattern is outside {@link DigitRegexParser}'s subset */
    NumberingPlan(String regionCode, PhoneMetadata metadata) {
        this.regionCode = regionCode;
        this.countryCode = metadata.getCountryCode();
        this.countryCodeDigits = String.valueOf(countryCode);
        this.general = NumberDesc.of(metadata.getGeneralDesc());
        this.types = List.of(NumberDesc.of(metadata.getPremiumRate()), NumberDesc.of(metadata.getTollFree()),
                NumberDesc.of(metadata.getSharedCost()), NumberDesc.of(metadata.getVoip()),
                NumberDesc.of(metadata.getPersonalNumber()), NumberDesc.of(metadata.getPager()),
                NumberDesc.of(metadata.getUan()), NumberDesc.of(metadata.getVoicemail()));
        this.fixedLine = NumberDesc.of(metadata.getFixedLine());
        this.mobile = NumberDesc.of(metadata.getMobile());
        this.sameMobileAndFixedLine = metadata.getSameMobileAndFixedLinePattern();
        this.leadingDigits = metadata.hasLeadingDigits() ? DigitPattern.compile(metadata.getLeadingDigits()) : null;
        this.internationalPrefix = Pattern.compile(metadata.getInternationalPrefix());
        String nationalPrefixForParsing = metadata.getNationalPrefixForParsing();
        this.nationalPrefix = nationalPrefixForParsing.isEmpty() ? null : Pattern.compile(nationalPrefixForParsing);
        this.nationalPrefixTransform = metadata.getNationalPrefixTransformRule();
        this.plainInternationalPrefixes = digitAlternatives(metadata.getInternationalPrefix());
        this.plainNationalPrefixes =
                nationalPrefixTransform.isEmpty() ? digitAlternatives(nationalPrefixForParsing) : null;
        this.possibleLengths = metadata.getGeneralDesc().getPossibleLengthList().stream().mapToInt(i -> i).toArray();
        this.localOnlyLengths = metadata.getGeneralDesc().getPossibleLengthLocalOnlyList().stream()
                .filter(length -> length >= 0 && length < Long.SIZE).mapToLong(length -> 1L << length)
                .reduce(0L, (a, b) -> a | b);
        if (possibleLengths.length == 0) {
            throw new IllegalArgumentException("region " + regionCode + " lists no possible lengths");
        }
    }

    String regionCode() {
        return regionCode;
    }

    int countryCode() {
        return countryCode;
    }

    String countryCodeDigits() {
        return countryCodeDigits;
    }

    NumberDesc general() {
        return general;
    }

    /** libphonenumber's {@code getNumberTypeHelper(...) != UNKNOWN}. */
    boolean hasTypeOf(String nationalNumber) {
        if (!general.matches(nationalNumber)) {
            return false;
        }
        for (NumberDesc type : types) {
            if (type.matches(nationalNumber)) {
                return true;
            }
        }
        return fixedLine.matches(nationalNumber) || (!sameMobileAndFixedLine && mobile.matches(nationalNumber));
    }

    /** Whether the metadata tells this region's numbers from the others of its calling code by leading digits. */
    boolean hasLeadingDigits() {
        return leadingDigits != null;
    }

    boolean leadingDigitsStart(String nationalNumber) {
        return leadingDigits.matchesPrefixOf(nationalNumber);
    }

    /**
     * {@code parsePrefixAsIdd}: where the number starts after this region's international prefix, or -1 when it
     * does not start with one (or what follows is a 0, since no country calling code starts with 0).
     */
    int afterInternationalPrefix(String digits) {
        int end;
        if (plainInternationalPrefixes != null) {
            end = endOfFirst(plainInternationalPrefixes, digits);
        } else {
            Matcher idd = internationalPrefix.matcher(digits);
            end = idd.lookingAt() ? idd.end() : -1;
        }
        return end < 0 || (end < digits.length() && digits.charAt(end) == '0') ? -1 : end;
    }

    /** {@code maybeStripNationalPrefixAndCarrierCode}: the number without its national prefix, or unchanged. */
    String withoutNationalPrefix(String number) {
        if (number.isEmpty() || nationalPrefix == null) {
            return number;
        }
        if (plainNationalPrefixes != null) {
            int end = endOfFirst(plainNationalPrefixes, number);
            return end < 0 ? number : viableWithout(number, number.substring(end));
        }
        Matcher prefix = nationalPrefix.matcher(number);
        if (!prefix.lookingAt()) {
            return number;
        }
        return viableWithout(number, nationalPrefixTransform.isEmpty() || prefix.group(prefix.groupCount()) == null
                ? number.substring(prefix.end())
                : prefix.replaceFirst(nationalPrefixTransform));
    }

    /** A number that fitted the region's pattern keeps its prefix if it would not fit without it. */
    private String viableWithout(String number, String stripped) {
        return general.matchesPattern(number) && !general.matchesPattern(stripped) ? number : stripped;
    }

    /**
     * Most prefixes are plain digits or a choice of them ("0", "00|99", "0|180020"). Such a pattern matches at the
     * start exactly where its first alternative, in order, does: {@code startsWith} answers like
     * {@code lookingAt}, without a {@link Matcher}. Null for any other pattern.
     */
    private static List<String> digitAlternatives(String regex) {
        List<String> alternatives = List.of(regex.split("\\|", -1));
        boolean digitsOnly = alternatives.stream()
                .allMatch(digits -> !digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9'));
        return digitsOnly ? alternatives : null;
    }

    private static int endOfFirst(List<String> alternatives, String digits) {
        for (String alternative : alternatives) {
            if (digits.startsWith(alternative)) {
                return alternative.length();
            }
        }
        return -1;
    }

    /** {@code testNumberLength} for any type, as libphonenumber orders its checks. */
    ValidationResult testLength(CharSequence number) {
        int length = number.length();
        if (possibleLengths[0] == -1) {
            return ValidationResult.INVALID_LENGTH;
        }
        if (length < Long.SIZE && (localOnlyLengths & (1L << length)) != 0) {
            return ValidationResult.IS_POSSIBLE_LOCAL_ONLY;
        }
        if (possibleLengths[0] == length) {
            return ValidationResult.IS_POSSIBLE;
        }
        if (possibleLengths[0] > length) {
            return ValidationResult.TOO_SHORT;
        }
        if (possibleLengths[possibleLengths.length - 1] < length) {
            return ValidationResult.TOO_LONG;
        }
        for (int i = 1; i < possibleLengths.length; i++) {
            if (possibleLengths[i] == length) {
                return ValidationResult.IS_POSSIBLE;
            }
        }
        return ValidationResult.INVALID_LENGTH;
    }
}
