package org.dedup.standardization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The per-character table must give exactly what folding the whole text gives. */
class CharacterFoldingTest {
    private static final List<CharacterFolding> FOLDINGS =
            List.of(TextStandardizer.LETTERS_AND_DIGITS, EmailStandardizer.ALLOWED);
    private static final int SCRIPTS_END = 0x0590;

    @Example
    void everyCharacterFoldsAsItsText() {
        for (CharacterFolding folding : FOLDINGS) {
            for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
                String text = String.valueOf((char) c);
                assertEquals(folding.foldGenerally(text), folding.fold(text), text);
            }
        }
    }

    /** Two characters are where composition or reordering across characters would show. */
    @Example
    void everyPairOfLatinGreekCyrillicOrArmenianCharactersFoldsAsItsText() {
        for (CharacterFolding folding : FOLDINGS) {
            for (char first = 0; first < SCRIPTS_END; first++) {
                for (char second = 0; second < SCRIPTS_END; second++) {
                    String text = new String(new char[] {first, second});
                    assertEquals(folding.foldGenerally(text), folding.fold(text), text);
                }
            }
        }
    }

    @Property(tries = 5_000)
    void anyTextFoldsAsWithTheDefinition(@ForAll("names") String text) {
        for (CharacterFolding folding : FOLDINGS) {
            assertEquals(folding.foldGenerally(text), folding.fold(text), text);
        }
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0000', '\u058F').ofMaxLength(20),
                Arbitraries.strings().withCharRange('\u0000', '\u058F').withCharRange('\u4E00', '\u9FFF')
                        .withCharRange('\u0300', '\u036F').withChars("\u1100\u1161\u11A8\uAC00\uFB01\u2460")
                        .ofMaxLength(20),
                Arbitraries.strings().all().ofMaxLength(20));
    }
}
