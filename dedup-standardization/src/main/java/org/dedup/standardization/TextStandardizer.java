package org.dedup.standardization;

/**
 * Creatio's text standardization, extended to every script: lower case, accents folded, and everything that is
 * not a letter or digit (spaces, brackets, quotes, hyphens, '#', '%', ...) removed. Unlike Creatio, letters of
 * every script are kept, so Cyrillic, Greek and CJK names still compare.
 */
final class TextStandardizer {
    static final CharacterFolding LETTERS_AND_DIGITS = new CharacterFolding(Character::isLetterOrDigit);

    String standardize(String raw) {
        return raw == null ? "" : LETTERS_AND_DIGITS.fold(raw);
    }
}
