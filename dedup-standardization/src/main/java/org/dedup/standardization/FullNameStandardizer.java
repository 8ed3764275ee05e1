package org.dedup.standardization;

import java.util.ArrayList;
import java.util.List;

/**
 * Full-name keys in which word order does not matter: each word is standardized like text and the words are
 * sorted, so "Smith, John" and "john SMITH" both become "john smith". Digits and letters of every script are kept.
 */
final class FullNameStandardizer {
    private final TextStandardizer text;

    FullNameStandardizer(TextStandardizer text) {
        this.text = text;
    }

    String standardize(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        List<String> words = new ArrayList<>();
        int wordStart = 0;
        for (int i = 0; i < raw.length(); ) {
            int cp = raw.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isSeparator(cp)) {
                addWord(words, raw, wordStart, i);
                wordStart = next;
            }
            i = next;
        }
        addWord(words, raw, wordStart, raw.length());
        words.sort(null);
        return words.size() == 1 ? words.getFirst() : String.join(" ", words);
    }

    private static boolean isSeparator(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == ',' || cp == ';' || cp == '/';
    }

    private void addWord(List<String> words, String raw, int start, int end) {
        if (start < end) {
            String standardized = text.standardize(raw.substring(start, end));
            if (!standardized.isEmpty()) {
                words.add(standardized);
            }
        }
    }
}
