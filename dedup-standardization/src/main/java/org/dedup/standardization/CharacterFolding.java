package org.dedup.standardization;

import java.text.Normalizer;
import java.util.function.IntPredicate;

/**
 * Keeps the code points a predicate accepts, in lower case and without accents: decomposes (NFKD, so compatibility
 * forms such as full-width digits map too), drops combining marks (José -> jose), lower-cases and recomposes (NFC)
 * so that the result is stable when folded again.
 *
 * <p>Names and addresses are mostly written in ASCII, Latin, Greek, Cyrillic, Armenian or CJK ideographs. For those
 * characters the result of the whole text is the results of its characters one after the other: each decomposes
 * alone into at most one letter and combining marks, the marks are dropped, and none of the letters left composes
 * with another. A text with a combining mark takes the general path, as the mark may compose with the letter
 * before it. So their results are computed once, with the general path, into a table; text with any other
 * character, or a character folding to more than one, takes the general path.
 */
final class CharacterFolding {
    /** Table ranges: ASCII to Armenian, and the CJK unified ideographs. */
    private static final int SCRIPTS_END = 0x0590;
    private static final int CJK_START = 0x4E00;
    private static final int CJK_END = 0xA000;
    /** Noncharacters, outside the table ranges, mark what is not a single character. */
    private static final char DROPPED = '\uFFFE';
    private static final char GENERAL = '\uFFFF';

    private final IntPredicate kept;
    private final char[] scripts = new char[SCRIPTS_END];
    private final char[] cjk = new char[CJK_END - CJK_START];

    CharacterFolding(IntPredicate kept) {
        this.kept = kept;
        for (char c = 0; c < SCRIPTS_END; c++) {
            scripts[c] = tableEntry(c);
        }
        for (char c = CJK_START; c < CJK_END; c++) {
            cjk[c - CJK_START] = tableEntry(c);
        }
    }

    String fold(String raw) {
        StringBuilder out = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            char folded = inTable(c);
            if (folded == GENERAL) {
                return foldGenerally(raw);
            }
            if (out == null && folded != c) {
                out = new StringBuilder(raw.length()).append(raw, 0, i);
            }
            if (out != null && folded != DROPPED) {
                out.append(folded);
            }
        }
        return out == null ? raw : out.toString();
    }

    /** The definition, for any text. */
    String foldGenerally(String raw) {
        String composed = Normalizer.normalize(raw, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(composed.length());
        for (int i = 0; i < composed.length(); ) {
            int cp = composed.codePointAt(i);
            i += Character.charCount(cp);
            String parts = Character.toString(cp);
            if (!isLetterOfItsOwn(cp)) {
                parts = Normalizer.normalize(parts, Normalizer.Form.NFKD);
            }
            parts.codePoints().filter(part -> kept.test(part) && Character.getType(part) != Character.NON_SPACING_MARK)
                    .forEach(part -> out.appendCodePoint(Character.toLowerCase(part)));
        }
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    /**
     * Cyrillic letters with a mark are letters of their alphabets, not accented ones: Дмитрий is not Дмитрии
     * (й, ў, ї, ѓ, ќ). Only ё, which Russian writes as е as often as not, folds.
     */
    private static boolean isLetterOfItsOwn(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.CYRILLIC && cp != 'ё' && cp != 'Ё';
    }

    private char inTable(char c) {
        if (c < SCRIPTS_END) {
            return scripts[c];
        }
        return c >= CJK_START && c < CJK_END ? cjk[c - CJK_START] : GENERAL;
    }

    private char tableEntry(char c) {
        if (Character.getType(c) == Character.NON_SPACING_MARK) {
            return GENERAL; // it may compose with the letter before it into a letter of its own (и + ̆ = й)
        }
        String folded = foldGenerally(String.valueOf(c));
        if (folded.isEmpty()) {
            return DROPPED;
        }
        char only = folded.charAt(0);
        boolean tableScript = only < SCRIPTS_END || (only >= CJK_START && only < CJK_END);
        return folded.length() == 1 && tableScript ? only : GENERAL;
    }
}
