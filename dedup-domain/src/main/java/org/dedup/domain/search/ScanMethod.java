package org.dedup.domain.search;

import java.util.Arrays;
import java.util.Locale;

import org.dedup.domain.model.InvalidOptionException;
import org.dedup.domain.model.Require;

/**
 * How a bulk search finds duplicates: by the tenant's duplicate rules (exact standardized values), by the BIG DATA
 * method's model (scored pairs of its blocking), or both, their links clustered together.
 */
public enum ScanMethod {
    RULES, BIG_DATA, BOTH;

    /** The method named {@code rules}, {@code big_data} or {@code both}; another name is refused, naming those. */
    public static ScanMethod named(String name) {
        return Arrays.stream(values()).filter(m -> m.id().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidOptionException("method", "must be one of rules, big_data, both; was '"
                        + Require.abbreviate(name == null ? "" : name) + "'"));
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean usesRules() {
        return this != BIG_DATA;
    }

    boolean usesModel() {
        return this != RULES;
    }
}
