package org.dedup.ml.features;

import java.util.List;
import java.util.Set;

import org.dedup.ml.record.Attribute;
import org.dedup.ml.record.PersonRecord;
import org.dedup.ml.record.RecordSchema;
import org.junit.jupiter.api.Test;

import static org.dedup.ml.Persons.aPerson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairFeaturesTest {
    private final ValueFrequencies frequencies = ValueFrequencies.count(RecordSchema.people(), List.of(
            aPerson("1").named("john", "smith").build(), aPerson("2").named("mary", "smith").build(),
            aPerson("3").named("ann", "smith").build(), aPerson("4").named("ivan", "zykov").build()));
    private final PairFeatures features = new PairFeatures(RecordSchema.people(), frequencies);

    private double feature(PersonRecord a, PersonRecord b, String name) {
        return features.extract(a, b)[features.schema().names().indexOf(name)];
    }

    @Test
    void theVectorHasOneValuePerFeatureOfTheSchema() {
        double[] vector = features.extract(aPerson("a").build(), aPerson("b").build());
        assertEquals(features.schema().size(), vector.length);
        assertEquals(features.schema().size(), Set.copyOf(features.schema().names()).size());
    }

    @Test
    void aValueMissingOnEitherSideIsFlaggedAndItsComparisonsAreZero() {
        PersonRecord a = aPerson("a").named("john", "smith").build();
        PersonRecord b = aPerson("b").named("john", "").build();
        assertEquals(1.0, feature(a, b, "surname_missing"));
        assertEquals(0.0, feature(a, b, "surname_jaro_winkler"));
        assertEquals(0.0, feature(a, b, "given_name_missing"));
        assertEquals(1.0, feature(a, b, "given_name_jaro_winkler"));
    }

    @Test
    void similarNamesScoreHighOnEveryStringSimilarity() {
        PersonRecord a = aPerson("a").named("katherine", "smith").build();
        PersonRecord b = aPerson("b").named("kathrine", "smyth").build();
        assertTrue(feature(a, b, "given_name_jaro_winkler") > 0.9);
        assertTrue(feature(a, b, "given_name_levenshtein") > 0.85);
        assertEquals(0.8, feature(a, b, "given_name_bigram_dice"), 1e-9);
        assertEquals(1.0, feature(a, b, "surname_sound_alike"));
    }

    @Test
    void agreeingOnARareSurnameWeighsMoreThanOnACommonOne() {
        double common = feature(aPerson("a").named("x", "smith").build(), aPerson("b").named("y", "smith").build(),
                "surname_equal_rarity");
        double rare = feature(aPerson("a").named("x", "zykov").build(), aPerson("b").named("y", "zykov").build(),
                "surname_equal_rarity");
        assertTrue(rare > common, rare + " > " + common);
        assertEquals(0.0, feature(aPerson("a").named("x", "zykov").build(), aPerson("b").named("x", "smith").build(),
                "surname_equal_rarity"));
    }

    @Test
    void swappedGivenNameAndSurnameAreRecognised() {
        PersonRecord a = aPerson("a").named("john", "smith").build();
        PersonRecord b = aPerson("b").named("smith", "john").build();
        assertEquals(1.0, feature(a, b, "names_swapped_jaro_winkler"));
    }

    @Test
    void datesOfBirthAreComparedAsDatesWithTheirDayAndMonthSwapped() {
        PersonRecord a = aPerson("a").with(Attribute.DATE_OF_BIRTH, "19560409").build();
        PersonRecord b = aPerson("b").with(Attribute.DATE_OF_BIRTH, "19560904").build();
        assertEquals(1.0, feature(a, b, "date_of_birth_day_month_swapped"));
        assertTrue(feature(a, b, "date_of_birth_date_closeness") > 0.6);
        assertEquals(0.0, feature(a, b, "date_of_birth_exact"));
    }

    @Test
    void phonesMatchOnE164AndOnTheirLastSevenDigits() {
        PersonRecord a = aPerson("a").withPhone("+442079460958").build();
        PersonRecord b = aPerson("b").withPhone("+442079460958").withPhone("+15550100").build();
        PersonRecord c = aPerson("c").withPhone("+4412079460958").build();
        assertEquals(1.0, feature(a, b, "phone_exact"));
        assertEquals(0.0, feature(a, c, "phone_exact"));
        assertEquals(1.0, feature(a, c, "phone_last7_exact"));
    }

    @Test
    void emailsCompareExactlyByLocalPartAndByDomain() {
        PersonRecord a = aPerson("a").withEmail("jane.doe@gmail.com").build();
        PersonRecord b = aPerson("b").withEmail("janedoe@yahoo.com").build();
        assertEquals(0.0, feature(a, b, "email_exact"));
        assertTrue(feature(a, b, "email_local_jaro_winkler") > 0.9);
        assertEquals(0.0, feature(a, b, "email_domain_exact"));
        assertEquals(1.0, feature(a, aPerson("c").build(), "email_missing"));
    }

    @Test
    void attributeSimilaritiesExplainOnlyWhatBothRecordsKnow() {
        PersonRecord a = aPerson("a").named("john", "smith").with(Attribute.POSTCODE, "2119").build();
        PersonRecord b = aPerson("b").named("jon", "smith").build();
        assertEquals(List.of("given_name", "surname"), features.attributeSimilarities(features.prepare(a), features.prepare(b)).stream()
                .map(AttributeSimilarity::attribute).toList());
    }
}
