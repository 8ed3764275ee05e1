package org.dedup.domain.model;

import java.io.Serializable;

/** A phone number as entered; standardization derives the keys it is compared by. */
public record Phone(PhoneType type, String number) implements Serializable {
    public static final int MAX_LENGTH = 64;

    public Phone {
        Require.nonNull(type, "phone type");
        Require.maxLength(Require.nonBlank(number, "phone number"), MAX_LENGTH, "phone number");
    }

    public static Phone of(PhoneType type, String number) {
        return new Phone(type, number);
    }
}
