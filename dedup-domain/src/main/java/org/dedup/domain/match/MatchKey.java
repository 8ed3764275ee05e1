package org.dedup.domain.match;

import org.dedup.domain.model.Require;

/**
 * A standardized value under which a record is indexed and looked up, such as {@code primary_email:jdoe@x.io}.
 * The namespace keeps keys of different meaning apart; the repository stores them per tenant.
 */
public record MatchKey(String namespace, String value) {
    public static final int MAX_VALUE_LENGTH = 512;

    public MatchKey {
        Require.maxLength(Require.nonBlank(namespace, "key namespace"), 64, "key namespace");
        Require.nonBlank(value, "key value");
        if (value.length() > MAX_VALUE_LENGTH) {
            value = value.substring(0, MAX_VALUE_LENGTH);
        }
    }

    @Override
    public String toString() {
        return namespace + ":" + value;
    }
}
