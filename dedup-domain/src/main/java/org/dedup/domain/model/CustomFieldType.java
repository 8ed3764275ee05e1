package org.dedup.domain.model;

import java.util.Locale;

/** The custom field types duplicate control can compare: only text and numeric fields, as in the Kommo spec. */
public enum CustomFieldType {
    TEXT, NUMERIC;

    /** Parses a type name, rejecting the CRM types that cannot be matched (date, select, file, ...). */
    public static CustomFieldType parse(String name) {
        Require.nonNull(name, "custom field type");
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException("custom field type '" + Require.abbreviate(name)
                    + "' cannot be used for duplicate control: only TEXT or NUMERIC fields can be chosen");
        }
    }
}
