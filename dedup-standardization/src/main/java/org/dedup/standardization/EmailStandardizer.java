package org.dedup.standardization;

import java.util.Set;

import org.dedup.domain.model.Require;
import org.dedup.domain.standardize.EmailFolding;
import org.dedup.domain.standardize.EmailKey;

/**
 * Creatio's email standardization: letters, digits, {@code @}, {@code _} and {@code .} are kept, in lower case.
 * Addresses that cannot be an address (no single {@code @}, an empty part, a domain without a dot) are reported
 * as invalid instead of being compared.
 */
final class EmailStandardizer {
    private static final Set<String> GMAIL_DOMAINS = Set.of("gmail.com", "googlemail.com");
    static final CharacterFolding ALLOWED =
            new CharacterFolding(cp -> Character.isLetterOrDigit(cp) || cp == '@' || cp == '_' || cp == '.');

    EmailKey standardize(String raw, EmailFolding folding) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            return new EmailKey.Invalid("", "email is empty");
        }
        String kept = keepAllowed(value);
        int at = kept.indexOf('@');
        if (at < 0 || at != kept.lastIndexOf('@')) {
            return new EmailKey.Invalid(value, "email '" + Require.abbreviate(value) + "' must contain exactly one '@'");
        }
        String local = kept.substring(0, at);
        String domain = trimDots(kept.substring(at + 1));
        if (local.isEmpty()) {
            return new EmailKey.Invalid(value, "email '" + Require.abbreviate(value) + "' has nothing before the '@'");
        }
        if (domain.indexOf('.') < 0) {
            return new EmailKey.Invalid(value, "email '" + Require.abbreviate(value) + "' has no domain with a dot after the '@'");
        }
        if (folding == EmailFolding.GMAIL_DOTS_AND_PLUS && GMAIL_DOMAINS.contains(domain)) {
            local = foldGmail(value, local);
            domain = "gmail.com";
            if (local.isEmpty()) {
                return new EmailKey.Invalid(value, "email '" + Require.abbreviate(value) + "' has nothing before the '+'");
            }
        }
        return new EmailKey.Valid(local + "@" + domain, local, domain);
    }

    /** Gmail ignores dots and everything after '+' in the local part; '+' is dropped by keepAllowed, so re-read it. */
    private static String foldGmail(String original, String keptLocal) {
        String originalLocal = original.substring(0, original.lastIndexOf('@') < 0 ? 0 : original.lastIndexOf('@'));
        int plus = originalLocal.indexOf('+');
        String beforePlus = plus < 0 ? keptLocal : keepAllowed(originalLocal.substring(0, plus));
        return beforePlus.replace(".", "");
    }

    private static String keepAllowed(String value) {
        return ALLOWED.fold(value);
    }

    private static String trimDots(String domain) {
        int start = 0;
        int end = domain.length();
        while (start < end && domain.charAt(start) == '.') {
            start++;
        }
        while (end > start && domain.charAt(end - 1) == '.') {
            end--;
        }
        return domain.substring(start, end);
    }
}
