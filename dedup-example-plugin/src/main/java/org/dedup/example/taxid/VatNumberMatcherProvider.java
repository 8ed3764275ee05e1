package org.dedup.example.taxid;

import java.util.Locale;

import org.dedup.domain.match.Matcher;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.matchers.spi.MatcherConfig;
import org.dedup.matchers.spi.MatcherProvider;

/**
 * Provides the {@code vat_number} method. Configuration: {@code field} (the company custom field holding the
 * number, default {@code vat}) and {@code defaultCountry} (prefix for numbers written without one, default DE).
 */
public final class VatNumberMatcherProvider implements MatcherProvider {
    @Override
    public String id() {
        return VatNumberMatcher.METHOD.id();
    }

    @Override
    public Matcher create(MatcherConfig config) {
        String country = config.string("defaultCountry", "DE").toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw new InvalidRecordException("matchers.vat_number.defaultCountry must be a two-letter country code, was '"
                    + country + "'");
        }
        return new VatNumberMatcher(config.string("field", "vat"), country);
    }
}
