package org.dedup.ml.record;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folds free text for comparison: accents removed, lower case, runs of white space made one space, trimmed. */
public final class Fold {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Fold() {
    }

    public static String text(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        String value = raw.strip();
        if (!isPlainAscii(value)) {
            value = MARKS.matcher(Normalizer.normalize(value, Normalizer.Form.NFKD)).replaceAll("");
        }
        return SPACES.matcher(value.toLowerCase(Locale.ROOT)).replaceAll(" ");
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
