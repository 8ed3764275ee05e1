package org.dedup.standardization;

import java.util.Optional;

import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;

/**
 * libphonenumber's {@code parse}, {@code isValidNumber} and E.164 {@code format} for the two forms
 * {@link PhoneStandardizer#compact} leaves most numbers in, {@code "+"} then ASCII digits or ASCII digits alone,
 * taking step by step the path libphonenumber's {@code parseHelper} takes for them, on {@link NumberingPlans}.
 * The many other steps of that parser (extensions, letters, RFC 3966, Unicode digits) cannot apply to such input.
 * Wherever libphonenumber would throw a {@code NumberParseException}, and for metadata that could not be compiled,
 * the reading is {@link PhoneReading#UNSURE}, so libphonenumber itself says why.
 */
final class CompiledPhoneReader {
    private static final int MIN_LENGTH_FOR_NSN = 2;
    private static final int MAX_LENGTH_FOR_NSN = 17;
    private static final int MAX_INPUT_STRING_LENGTH = 250;
    private static final int MAX_LENGTH_COUNTRY_CODE = 3;
    /** {@code getNationalSignificantNumber} writes at most ten of a number's leading zeros. */
    private static final int MAX_LEADING_ZEROS = 10;

    private final NumberingPlans plans = new NumberingPlans();

    /** A number split into its calling code and national part, with the plan its national prefix is read with. */
    private record Dialled(CallingCodePlans callingCode, NumberingPlan plan, String national) {
    }

    PhoneReading read(String number, String defaultRegion) {
        if (number.length() < MIN_LENGTH_FOR_NSN || number.length() > MAX_INPUT_STRING_LENGTH) {
            return PhoneReading.UNSURE;
        }
        boolean withPlus = number.charAt(0) == '+';
        String digits = withPlus ? number.substring(1) : number;
        Optional<NumberingPlan> home = plans.region(defaultRegion);
        if (home.isEmpty() || !isAsciiDigits(digits)) {
            return PhoneReading.UNSURE;
        }
        Optional<Dialled> dialled = withPlus ? afterPlus(digits) : dialledIn(home.get(), digits);
        return dialled.map(this::validate).orElse(PhoneReading.UNSURE);
    }

    /** A '+' needs three digits after it to be a viable number, and a calling code that is not retried. */
    private Optional<Dialled> afterPlus(String digits) {
        return digits.length() <= MIN_LENGTH_FOR_NSN ? Optional.empty() : withCallingCode(digits);
    }

    /** {@code maybeExtractCountryCode} for a number without '+': an international prefix, then the home code. */
    private Optional<Dialled> dialledIn(NumberingPlan home, String digits) {
        int afterIdd = home.afterInternationalPrefix(digits);
        if (afterIdd >= 0) {
            String rest = digits.substring(afterIdd);
            return rest.length() <= MIN_LENGTH_FOR_NSN ? Optional.empty() : withCallingCode(rest);
        }
        Optional<CallingCodePlans> homeCode = plans.callingCode(home.countryCode());
        if (digits.startsWith(home.countryCodeDigits())) {
            String potential = home.withoutNationalPrefix(digits.substring(home.countryCodeDigits().length()));
            NumberDesc general = home.general();
            if ((!general.matchesPattern(digits) && general.matchesPattern(potential))
                    || home.testLength(digits) == ValidationResult.TOO_LONG) {
                return homeCode.map(code -> new Dialled(code, code.main(), potential));
            }
        }
        return homeCode.map(code -> new Dialled(code, home, digits));
    }

    /** {@code extractCountryCode}: the shortest known calling code of one to three digits, never starting with 0. */
    private Optional<Dialled> withCallingCode(String digits) {
        if (digits.charAt(0) == '0') {
            return Optional.empty();
        }
        for (int length = 1; length <= MAX_LENGTH_COUNTRY_CODE && length <= digits.length(); length++) {
            int code = Integer.parseInt(digits, 0, length, 10);
            if (plans.isCallingCode(code)) {
                String national = digits.substring(length);
                return plans.callingCode(code).map(found -> new Dialled(found, found.main(), national));
            }
        }
        return Optional.empty();
    }

    /** The end of {@code parseHelper} (national prefix, lengths), then {@code isValidNumber} and E.164. */
    private PhoneReading validate(Dialled dialled) {
        String national = dialled.national();
        if (national.length() < MIN_LENGTH_FOR_NSN) {
            return PhoneReading.UNSURE;
        }
        String stripped = dialled.plan().withoutNationalPrefix(national);
        if (!stripped.equals(national)) {
            ValidationResult length = dialled.plan().testLength(stripped);
            if (length == ValidationResult.IS_POSSIBLE || length == ValidationResult.TOO_LONG) {
                national = stripped;
            }
        }
        if (national.length() < MIN_LENGTH_FOR_NSN || national.length() > MAX_LENGTH_FOR_NSN
                || leadingZeros(national) > MAX_LEADING_ZEROS) {
            return PhoneReading.UNSURE;
        }
        CallingCodePlans callingCode = dialled.callingCode();
        return callingCode.isValid(national)
                ? new PhoneReading.Valid("+" + callingCode.countryCode() + national)
                : PhoneReading.NOT_VALID;
    }

    /** As {@code setItalianLeadingZerosForPhoneNumber} counts them: never the last digit. */
    private static int leadingZeros(String national) {
        int zeros = 0;
        while (zeros < national.length() - 1 && national.charAt(zeros) == '0') {
            zeros++;
        }
        return zeros;
    }

    private static boolean isAsciiDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
