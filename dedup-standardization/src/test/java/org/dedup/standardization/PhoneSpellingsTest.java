package org.dedup.standardization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import org.dedup.domain.standardize.PhoneKey;

class PhoneSpellingsTest {
    private final CreatioCompatibleStandardizer standardizer = new CreatioCompatibleStandardizer();

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.of("GB", "US", "DE", "FR", "IN", "BR", "JP", "AU", "RU", "MX", "ZA", "CN");
    }

    @Property
    void everySpellingOfARegionsMobileIsValidThereAndStandardizesToTheSameNumber(
            @ForAll("regions") String region, @ForAll @IntRange(min = 0, max = 20_000) int variant) {
        List<String> spellings = PhoneSpellings.of(region).of(variant);

        Set<PhoneKey> keys = spellings.stream().map(spelling -> standardizer.phone(spelling, region))
                .collect(Collectors.toSet());

        assertEquals(1, keys.size(), spellings + " -> " + keys);
        assertInstanceOf(PhoneKey.Valid.class, keys.iterator().next(), spellings.toString());
        assertEquals(6, Set.copyOf(spellings).size(), spellings.toString());
        assertEquals(PhoneSpellings.SPELLINGS, spellings.size(), "the count the warm-up's leads rotate through");
    }

    @Property
    void numbersOfOtherVariantsDiffer(@ForAll("regions") String region, @ForAll @IntRange(max = 9_998) int variant) {
        PhoneSpellings spellings = PhoneSpellings.of(region);

        assertNotEquals(spellings.of(variant).getFirst(), spellings.of(variant + 1).getFirst());
    }
}
