package org.dedup.domain.standardize;

/** The comparison keys of a phone number, or the reason it cannot be compared by its E.164 form. */
public sealed interface PhoneKey {
    /** Creatio compares phone numbers by their last ten digits only. */
    int CREATIO_DIGITS = 10;

    /** Creatio's key: the last ten digits, empty when there are none. */
    String last10();

    /** {@code e164} like {@code +442079460958}; {@code last10} its last ten digits (the Creatio compatibility key). */
    record Valid(String e164, String last10) implements PhoneKey {
    }

    /**
     * A number libphonenumber rejects: it never matches by E.164, but still by the last ten digits written, as
     * Creatio compares every phone.
     */
    record Invalid(String raw, String reason) implements PhoneKey {
        @Override
        public String last10() {
            String digits = raw.codePoints().filter(c -> c >= '0' && c <= '9')
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            return digits.substring(Math.max(0, digits.length() - CREATIO_DIGITS));
        }
    }
}
