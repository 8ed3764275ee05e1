package org.dedup.ml.record;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class FoldPropertiesTest {
    @Property
    void foldingTwiceEqualsFoldingOnce(@ForAll String text) {
        assertEquals(Fold.text(text), Fold.text(Fold.text(text)));
    }

    @Property
    void foldedTextHasNoUpperCaseNoEdgeSpacesAndNoRunsOfSpaces(@ForAll String text) {
        String folded = Fold.text(text);
        assertEquals(folded.strip(), folded);
        assertFalse(folded.contains("  "));
        assertEquals(folded.toLowerCase(java.util.Locale.ROOT), folded);
    }

    @Property
    void accentsAndCaseDoNotMatter(@ForAll("names") String name) {
        assertEquals(Fold.text(name), Fold.text(name.toUpperCase(java.util.Locale.ROOT)).replace("ı", "i"));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> names() {
        return net.jqwik.api.Arbitraries.of("José", "Zoë", "Ødegaard", "Иван", "Γιώργος", "Müller", "Françoise");
    }
}
