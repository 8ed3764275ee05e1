package org.dedup.standardization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

import org.dedup.domain.standardize.EmailFolding;
import org.dedup.domain.standardize.EmailKey;
import org.dedup.domain.standardize.PhoneKey;

class StandardizerPropertiesTest {
    private final CreatioCompatibleStandardizer standardizer = new CreatioCompatibleStandardizer();

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.strings().withCharRange('\u0000', '\u04FF').ofMaxLength(40),
                Arbitraries.strings().withChars("  -#%()'\".,@_+0123456789aAéÉ\u0000\uD83D\uDE00иΠ山").ofMaxLength(40),
                Arbitraries.strings().all().ofMinLength(5_000).ofMaxLength(20_000));
    }

    @Property
    void standardizingTextTwiceEqualsOnce(@ForAll("anyText") String raw) {
        String once = standardizer.text(raw);
        assertEquals(once, standardizer.text(once));
    }

    @Property
    void standardizingAWebsiteTwiceEqualsOnce(@ForAll("anyText") String raw) {
        String once = standardizer.website(raw);
        assertEquals(once, standardizer.website(once));
    }

    @Property
    void standardizingAFullNameTwiceEqualsOnce(@ForAll("anyText") String raw) {
        String once = standardizer.fullName(raw);
        assertEquals(once, standardizer.fullName(once));
    }

    @Property
    void standardizingAnEmailTwiceEqualsOnce(@ForAll("anyText") String raw) {
        for (EmailFolding folding : EmailFolding.values()) {
            if (standardizer.email(raw, folding) instanceof EmailKey.Valid valid) {
                assertEquals(valid, standardizer.email(valid.key(), folding));
            }
        }
    }

    @Property
    void standardizingAPhoneTwiceEqualsOnce(@ForAll("anyText") String raw) {
        if (standardizer.phone(raw, "GB") instanceof PhoneKey.Valid valid) {
            assertEquals(valid, standardizer.phone(valid.e164(), "GB"));
        }
    }

    @Property
    void fullNamesAreOrderInsensitive(@ForAll @Size(min = 1, max = 5) List<@StringLength(min = 1, max = 12) String> words) {
        List<String> reversed = new ArrayList<>(words);
        Collections.reverse(reversed);
        assertEquals(standardizer.fullName(String.join(" ", words)), standardizer.fullName(String.join(" ", reversed)));
    }

    @Property
    void noInputStringMakesAnyStandardizerThrow(@ForAll("anyText") String raw) {
        standardizer.text(raw);
        standardizer.website(raw);
        standardizer.fullName(raw);
        standardizer.email(raw, EmailFolding.NONE);
        standardizer.email(raw, EmailFolding.GMAIL_DOTS_AND_PLUS);
        standardizer.phone(raw, "GB");
        standardizer.phone(raw, "US");
    }

    @Property(tries = 1)
    void nullIsTreatedAsEmpty() {
        assertEquals("", standardizer.text(null));
        assertEquals("", standardizer.website(null));
        assertEquals("", standardizer.fullName(null));
    }
}
