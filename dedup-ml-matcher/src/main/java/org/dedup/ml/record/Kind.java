package org.dedup.ml.record;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an attribute holds. The kind decides how a value is normalized before it is compared, which comparisons
 * give its features and which blocking keys it can form, so an engineer declares kinds, never comparisons.
 * Emails and phones are multi-valued: a record keeps all of them.
 */
public enum Kind {
    GIVEN_NAME, SURNAME,
    /** A whole person name in one value ("Ana Silva"). */
    PERSON_NAME,
    COMPANY_NAME, EMAIL, PHONE, WEBSITE,
    /** A street address line ("1009 N. Cleveland Ave"). */
    ADDRESS,
    /** A street number on its own. */
    STREET_NUMBER,
    CITY, POSTCODE, DATE, FREE_TEXT,
    /** An identifier compared exactly (a tax number, a state code). */
    EXACT_ID,
    /** A custom field of no known kind: compared as short text. */
    CUSTOM;

    private static final Pattern PUNCTUATION = Pattern.compile("[^\\p{L}\\p{N}@ ]+");
    private static final Pattern NOT_DIGIT = Pattern.compile("\\D+");
    /** Words that say nothing about which company it is. */
    private static final Set<String> COMPANY_NOISE = Set.of("inc", "llc", "ltd", "corp", "corporation", "co",
            "company", "gmbh", "the", "of", "and", "plc", "sa", "ag", "srl", "limited", "incorporated");
    private static final Map<String, String> ADDRESS_WORDS = Map.ofEntries(Map.entry("street", "st"),
            Map.entry("avenue", "ave"), Map.entry("av", "ave"), Map.entry("boulevard", "blvd"),
            Map.entry("road", "rd"), Map.entry("drive", "dr"), Map.entry("place", "pl"), Map.entry("court", "ct"),
            Map.entry("parkway", "pkwy"), Map.entry("lane", "ln"), Map.entry("north", "n"), Map.entry("south", "s"),
            Map.entry("east", "e"), Map.entry("west", "w"), Map.entry("suite", "ste"), Map.entry("floor", "fl"));

    /** Multi-valued kinds are kept as sets on the record, not as one value. */
    public boolean multiValued() {
        return this == EMAIL || this == PHONE;
    }

    /** The value as it is compared: punctuation dropped, company noise words and address spellings unified. */
    public String normalize(String folded) {
        return switch (this) {
            case COMPANY_NAME -> words(folded, COMPANY_NOISE, Map.of());
            case ADDRESS -> words(folded, Set.of(), ADDRESS_WORDS);
            case PHONE -> NOT_DIGIT.matcher(folded).replaceAll("");
            case WEBSITE -> website(folded);
            case EMAIL, DATE, EXACT_ID, POSTCODE -> folded.strip();
            default -> PUNCTUATION.matcher(folded).replaceAll(" ").replaceAll(" +", " ").strip();
        };
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static String words(String folded, Set<String> dropped, Map<String, String> replaced) {
        StringBuilder out = new StringBuilder(folded.length());
        for (String word : PUNCTUATION.matcher(folded.replace('&', ' ')).replaceAll(" ").split(" ")) {
            if (word.isEmpty() || dropped.contains(word)) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(replaced.getOrDefault(word, word));
        }
        return out.toString();
    }

    private static String website(String folded) {
        String host = folded.strip().replaceFirst("^[a-z]+://", "").replaceFirst("^www\\.", "");
        int slash = host.indexOf('/');
        return slash < 0 ? host : host.substring(0, slash);
    }
}
