package org.dedup.domain.standardize;

import java.util.Locale;
import java.util.regex.Pattern;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Require;

/** A tenant's standardization choices: the region national phone numbers are read in, and email folding. */
public record StandardizationOptions(String defaultRegion, EmailFolding emailFolding) {
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}");

    public StandardizationOptions {
        Require.nonNull(defaultRegion, "default region");
        defaultRegion = defaultRegion.toUpperCase(Locale.ROOT);
        if (!REGION.matcher(defaultRegion).matches()) {
            throw new InvalidRecordException("default region '" + Require.abbreviate(defaultRegion)
                    + "' must be a two-letter ISO 3166 country code such as GB or US");
        }
        Require.nonNull(emailFolding, "email folding");
    }

    public static StandardizationOptions defaults() {
        return new StandardizationOptions("US", EmailFolding.NONE);
    }
}
