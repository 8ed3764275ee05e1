package org.dedup.standardization;

import java.text.Normalizer;
import java.util.function.IntPredicate;

/**
 * Creatio's text standardization, extended to every script: lower case, accents folded, and everything that is
 * not a letter or digit (spaces, brackets, quotes, hyphens, '#', '%', ...) removed. Unlike Creatio, letters of
 * every script are kept, so Cyrillic, Greek and CJK names still compare.
 */
final class TextStandardizer {

    String standardize(String raw) {
        return raw == null ? "" : keepFolded(raw, TextStandardizer::isLetterOrDigit);
    }

    /**
     * Decomposes (NFKD, so compatibility forms such as full-width digits map too), drops combining marks
     * (José -> jose), keeps the code points {@code kept} accepts in lower case, and recomposes (NFC) so that
     * the result is stable when standardized again.
     */
    static String keepFolded(String raw, IntPredicate kept) {
        if (isPlainAscii(raw)) {
            return keepFoldedAscii(raw, kept);
        }
        String decomposed = Normalizer.normalize(raw, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (kept.test(cp) && Character.getType(cp) != Character.NON_SPACING_MARK) {
                out.appendCodePoint(Character.toLowerCase(cp));
            }
        }
        return isPlainAscii(out) ? out.toString() : Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /** ASCII is its own decomposition and composition; text that is already kept as it is comes back as it is. */
    private static String keepFoldedAscii(String raw, IntPredicate kept) {
        int unchanged = 0;
        while (unchanged < raw.length() && kept.test(raw.charAt(unchanged)) && !isUpperAscii(raw.charAt(unchanged))) {
            unchanged++;
        }
        if (unchanged == raw.length()) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length()).append(raw, 0, unchanged);
        for (int i = unchanged; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (kept.test(c)) {
                out.append(isUpperAscii(c) ? (char) (c + ('a' - 'A')) : c);
            }
        }
        return out.toString();
    }

    private static boolean isUpperAscii(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isLetterOrDigit(int codePoint) {
        return Character.isLetterOrDigit(codePoint);
    }

    private static boolean isPlainAscii(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
