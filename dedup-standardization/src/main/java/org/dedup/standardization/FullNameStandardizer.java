package org.dedup.standardization;

import java.util.ArrayList;
import java.util.Collections;
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
        StringBuilder word = new StringBuilder();
        raw.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == ',' || cp == ';' || cp == '/') {
                addWord(words, word);
            } else {
                word.appendCodePoint(cp);
            }
        });
        addWord(words, word);
        Collections.sort(words);
        return String.join(" ", words);
    }

    private void addWord(List<String> words, StringBuilder word) {
        String standardized = text.standardize(word.toString());
        if (!standardized.isEmpty()) {
            words.add(standardized);
        }
        word.setLength(0);
    }
}
