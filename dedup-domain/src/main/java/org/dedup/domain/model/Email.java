package org.dedup.domain.model;

import java.io.Serializable;

/** An email address as entered; standardization validates it and derives its comparison key. */
public record Email(String address) implements Serializable {
    public static final int MAX_LENGTH = 320;

    public Email {
        Require.maxLength(Require.nonBlank(address, "email"), MAX_LENGTH, "email");
    }

    public static Email of(String address) {
        return new Email(address);
    }
}
