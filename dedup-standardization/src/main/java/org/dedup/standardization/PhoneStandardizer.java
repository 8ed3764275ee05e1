package org.dedup.standardization;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import org.dedup.domain.model.Require;
import org.dedup.domain.standardize.PhoneKey;

/**
 * Phone keys: the E.164 form parsed with libphonenumber in the tenant's default region, so a national
 * "(020) 7946 0958" in GB equals "+44 20 7946 0958", plus Creatio's compatibility key, the last ten digits.
 * Numbers libphonenumber does not accept as valid are reported, never matched. Most numbers are read by
 * {@link CompiledPhoneReader}, libphonenumber's own steps on precompiled metadata; the rest by libphonenumber.
 */
final class PhoneStandardizer {
    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final CompiledPhoneReader reader = new CompiledPhoneReader();

    PhoneKey standardize(String raw, String defaultRegion) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            return new PhoneKey.Invalid("", "phone number is empty");
        }
        String compacted = compact(value);
        return switch (reader.read(compacted, defaultRegion)) {
            case PhoneReading.Valid valid -> keyOf(valid.e164());
            case PhoneReading.NotValid notValid -> notValid(value, defaultRegion);
            case PhoneReading.Unsure unsure -> withLibphonenumber(value, compacted, defaultRegion);
        };
    }

    /** libphonenumber alone, as for the numbers the compiled reader leaves to it; tests compare both. */
    PhoneKey withLibphonenumber(String value, String compacted, String defaultRegion) {
        PhoneNumber number;
        try {
            number = util.parse(compacted, defaultRegion);
        } catch (NumberParseException e) {
            return new PhoneKey.Invalid(value, "phone number '" + Require.abbreviate(value) + "' cannot be read: "
                    + describe(e.getErrorType()));
        }
        if (!util.isValidNumber(number)) {
            return notValid(value, defaultRegion);
        }
        return keyOf(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
    }

    private static PhoneKey notValid(String value, String defaultRegion) {
        return new PhoneKey.Invalid(value, "phone number '" + Require.abbreviate(value)
                + "' is not a valid number" + (value.startsWith("+") ? "" : " in region " + defaultRegion));
    }

    private static PhoneKey keyOf(String e164) {
        return new PhoneKey.Valid(e164, e164.substring(Math.max(1, e164.length() - PhoneKey.CREATIO_DIGITS)));
    }

    /**
     * A number written only with digits, a leading '+' and punctuation ("(020) 7946-0958") is handed to
     * libphonenumber as bare digits: the result is the same, and its extension and punctuation patterns have far
     * less text to scan. Anything else (letters, extensions) goes to libphonenumber as written.
     */
    static String compact(String value) {
        StringBuilder digits = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && digits.isEmpty()) {
                digits.append(c);
            } else if (" ()-./".indexOf(c) < 0) {
                return value;
            }
        }
        return digits.toString();
    }

    private static String describe(NumberParseException.ErrorType type) {
        return switch (type) {
            case INVALID_COUNTRY_CODE -> "unknown country code";
            case NOT_A_NUMBER -> "not a phone number";
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "too short";
            case TOO_LONG -> "too long";
        };
    }
}
