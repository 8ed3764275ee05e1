package org.dedup.domain.settings;

import java.util.regex.Pattern;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Require;

/** A duplicate-detection method a tenant can enable; plugins bring methods of their own ids. */
public record MatchMethod(String id) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    public static final MatchMethod BIG_DATA = new MatchMethod("big_data");
    public static final MatchMethod TRACKING_PIXEL = new MatchMethod("tracking_pixel");
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

    /** Kommo adds a merge note only to leads merged by the BIG DATA and tracking-pixel methods. */
    public boolean addsMergeNote() {
        return equals(BIG_DATA) || equals(TRACKING_PIXEL);
    }

    @Override
    public String toString() {
        return id;
    }
}
