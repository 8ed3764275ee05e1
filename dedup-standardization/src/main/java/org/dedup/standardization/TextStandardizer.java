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
        String decomposed = isPlainAscii(raw) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFKD);
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
