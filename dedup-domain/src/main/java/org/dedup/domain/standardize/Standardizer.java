package org.dedup.domain.standardize;

/**
 * Port: turns raw values into the standardized forms duplicate search compares. Implementations are pure
 * functions: the same input always gives the same output, standardizing an output again changes nothing, and
 * no input string makes them throw.
 */
public interface Standardizer {

    /** Lower case, accents folded, spaces and special symbols (brackets, quotes, hyphens, #, % ...) removed; letters of every script kept. */
    String text(String raw);

    /** A website without scheme, {@code www.} and generic suffix (.com, .org, ...); other parts kept. */
    String website(String raw);

    /** An email key keeping letters, digits, {@code @ _ .} in lower case, or why the address is invalid. */
    EmailKey email(String raw, EmailFolding folding);

    /** An E.164 key (national numbers read in {@code defaultRegion}) plus the last-10-digits key, or why it is invalid. */
    PhoneKey phone(String raw, String defaultRegion);

    /** A full-name key in which word order does not matter ("Smith John" equals "John Smith"). */
    String fullName(String raw);
}
