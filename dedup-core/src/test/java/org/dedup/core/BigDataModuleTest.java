package org.dedup.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import com.google.inject.Guice;

import org.dedup.ml.model.MatchModel;
import org.dedup.ml.record.Attribute;
import org.dedup.ml.record.PersonRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void aModelFileThatCannotBeLoadedFailsWhenTheModuleIsMadeNotWhenTheModelIsFirstAskedFor(@TempDir Path dir) {
        assertThrows(RuntimeException.class, () -> BigDataModule.from(dir.resolve("missing.model")));
    }
}
