package org.dedup.domain.model;

/** An email address as entered; standardization validates it and derives its comparison key. */
public record Email(String address) {
    public static final int MAX_LENGTH = 320;

    public Email {
        Require.maxLength(Require.nonBlank(address, "email"), MAX_LENGTH, "email");
    }

    public static Email of(String address) {
        return new Email(address);
    }
}
