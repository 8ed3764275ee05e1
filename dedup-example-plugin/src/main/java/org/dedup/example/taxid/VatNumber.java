package org.dedup.example.taxid;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A European VAT number in canonical form: country prefix and characters, no spaces, dots or dashes. */
record VatNumber(String value) {
    /** Country prefix, then 2-13 letters or digits of which at least one is a digit. */
    private static final Pattern CANONICAL = Pattern.compile("[A-Z]{2}(?=[0-9A-Z]*[0-9])[0-9A-Z]{2,13}");

    /** Reads "de 123.456.789", "DE-123456789" ...; a number without a country prefix gets {@code defaultCountry}. */
    static Optional<VatNumber> parse(String raw, String defaultCountry) {
        if (raw == null) {
            return Optional.empty();
        }
        String compact = raw.toUpperCase(Locale.ROOT).replaceAll("[\\s.\\-/]", "");
        if (!compact.isEmpty() && Character.isDigit(compact.charAt(0))) {
            compact = defaultCountry + compact;
        }
        return CANONICAL.matcher(compact).matches() ? Optional.of(new VatNumber(compact)) : Optional.empty();
    }
}
