package org.dedup.domain.model;

import java.io.Serializable;
import java.util.regex.Pattern;

/** A CRM account. Every record, key and query belongs to exactly one tenant. */
public record TenantId(String value) implements Serializable {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public TenantId {
        Require.nonNull(value, "tenant id");
        if (!ALLOWED.matcher(value).matches()) {
            throw new InvalidRecordException("tenant id '" + Require.abbreviate(value)
                    + "' must be 1-64 characters of letters, digits, '_', '.' or '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
