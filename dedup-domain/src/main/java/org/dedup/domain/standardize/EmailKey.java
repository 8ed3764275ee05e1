package org.dedup.domain.standardize;

/** The comparison key of an email address, or the reason it cannot be compared. */
public sealed interface EmailKey {
    record Valid(String key, String localPart, String domain) implements EmailKey {
    }

    record Invalid(String raw, String reason) implements EmailKey {
    }
}
