package org.dedup.ml.blocking;

import java.util.Set;

/**
 * Values that many unrelated records share by habit, not by identity (a role mailbox, a placeholder, a dummy phone):
 * such a value never forms a blocking key. Values that are merely frequent in the data (a shared switchboard number)
 * are found by counting instead, see {@link BlockingKeys}.
 */
final class GenericValues {
    private static final Set<String> ROLE_MAILBOXES = Set.of("info", "test", "admin", "office", "contact", "sales",
            "hello", "support", "noreply", "no-reply", "mail", "email", "enquiries", "inquiries", "kontakt",
            "billing", "service", "team", "hr", "jobs", "marketing", "reception", "webmaster", "postmaster");
    private static final Set<String> PLACEHOLDERS = Set.of("test", "n/a", "na", "none", "unknown", "-", "x", "xx",
            "xxx", "null", "tbd", "asdf", "no", "yes");

    private GenericValues() {
    }

    /** True when the value after a key rule's prefix is generic. */
    static boolean generic(String rule, String value) {
        return switch (rule) {
            case "em", "el" -> ROLE_MAILBOXES.contains(localPart(value)) || PLACEHOLDERS.contains(localPart(value));
            case "ph" -> dummyPhone(value);
            default -> PLACEHOLDERS.contains(value);
        };
    }

    private static String localPart(String email) {
        int at = email.indexOf('@');
        return at < 0 ? email : email.substring(0, at);
    }

    /** Fewer than six digits, one digit repeated, or a run such as 1234567. */
    private static boolean dummyPhone(String digits) {
        if (digits.length() < 6) {
            return true;
        }
        boolean same = true;
        boolean ascending = true;
        for (int i = 1; i < digits.length(); i++) {
            same &= digits.charAt(i) == digits.charAt(0);
            ascending &= digits.charAt(i) == (char) (digits.charAt(i - 1) + 1);
        }
        return same || ascending;
    }
}
