package org.dedup.domain.settings;

import java.util.regex.Pattern;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Require;

/**
 * A duplicate-detection method a tenant can enable; plugins bring methods of their own ids. The engine names none of
 * the methods plugins bring (such as Kommo's big_data and tracking_pixel): how it runs them is their matchers'
 * {@linkplain org.dedup.domain.match.ControlTraits control traits}.
 */
public record MatchMethod(String id) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    public static final MatchMethod EMAIL = new MatchMethod("email");
    public static final MatchMethod PHONE = new MatchMethod("phone");
    public static final MatchMethod CUSTOM_FIELD = new MatchMethod("custom_field");
    /** Creatio-style duplicate rules, used by check on save and bulk search. */
    public static final MatchMethod DUPLICATE_RULE = new MatchMethod("duplicate_rule");

    public MatchMethod {
        Require.nonNull(id, "match method");
        if (!ID.matcher(id).matches()) {
            throw new InvalidRecordException("match method '" + Require.abbreviate(id)
                    + "' must be 1-64 lower-case letters, digits or '_', starting with a letter");
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
