package org.dedup.ml.record;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folds free text for comparison: accents removed, lower case, runs of white space made one space, trimmed. */
public final class Fold {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Fold() {
    }

    public static String text(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String value = raw.toLowerCase(Locale.ROOT);
        if (!isPlainAscii(value)) {
            // compatibility decomposition can yield capitals ("ℌ" -> "H"), so lower case once more after it
            value = MARKS.matcher(Normalizer.normalize(value, Normalizer.Form.NFKD)).replaceAll("")
                    .toLowerCase(Locale.ROOT);
        }
        return collapseSpaces(value);
    }

    private static String collapseSpaces(String value) {
        StringBuilder folded = new StringBuilder(value.length());
        boolean pendingSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = !folded.isEmpty();
            } else {
                if (pendingSpace) {
                    folded.append(' ');
                    pendingSpace = false;
                }
                folded.append(c);
            }
        }
        return folded.toString();
    }

    private static boolean isPlainAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }
}
