package org.dedup.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import com.google.inject.Guice;

import org.dedup.ml.model.MatchModel;
import org.dedup.ml.record.Attribute;
import org.dedup.ml.record.PersonRecord;
import org.junit.jupiter.api.Test;

class BigDataModuleTest {
    @Test
    void theShippedModelScoresAPairForAHostThatAsksForIt() {
        MatchModel bigData = Guice.createInjector(BigDataModule.shipped()).getInstance(MatchModel.class);

        PersonRecord ana = new PersonRecord("a", Map.of(Attribute.GIVEN_NAME, "Ana", Attribute.SURNAME, "Silva"),
                Set.of("ana@example.com"), Set.of());
        PersonRecord anna = new PersonRecord("b", Map.of(Attribute.GIVEN_NAME, "Anna", Attribute.SURNAME, "Silva"),
                Set.of("ana@example.com"), Set.of());
        assertTrue(bigData.probability(ana, anna) >= bigData.thresholds().merge());
    }
}
