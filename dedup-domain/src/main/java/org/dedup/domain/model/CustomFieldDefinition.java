package org.dedup.domain.model;

import java.util.regex.Pattern;

/** A tenant's custom field that duplicate control may compare. */
public record CustomFieldDefinition(String key, CustomFieldType type, FieldLevel level) {
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_]{0,63}");

    public CustomFieldDefinition {
        Require.nonNull(key, "custom field key");
        if (!KEY.matcher(key).matches()) {
            throw new InvalidRecordException("custom field key '" + Require.abbreviate(key)
                    + "' must be 1-64 lower-case letters, digits or '_'");
        }
        Require.nonNull(type, "custom field type");
        Require.nonNull(level, "custom field level");
    }
}
