package org.dedup.standardization;

/** What {@link CompiledPhoneReader} made of a number: valid, not valid, or left to libphonenumber. */
sealed interface PhoneReading {
    PhoneReading NOT_VALID = new NotValid();
    PhoneReading UNSURE = new Unsure();

    /** Parsed and valid; {@code e164} as libphonenumber formats it. */
    record Valid(String e164) implements PhoneReading {
    }

    /** Parsed, but of no type of its region: libphonenumber's {@code isValidNumber} is false. */
    record NotValid() implements PhoneReading {
    }

    /** Outside the forms the reader takes, or libphonenumber's parser would reject it: ask libphonenumber. */
    record Unsure() implements PhoneReading {
    }
}
