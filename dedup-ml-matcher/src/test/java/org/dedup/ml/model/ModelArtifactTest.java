package org.dedup.ml.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.dedup.ml.features.FeatureSchema;
import org.dedup.ml.features.PairFeatures;
import org.dedup.ml.record.PersonRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.dedup.ml.Persons.aPerson;
import static org.dedup.ml.TestData.smallModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelArtifactTest {
    private static final PersonRecord JOHN = aPerson("a").named("john", "smith").with(
            org.dedup.ml.record.Attribute.POSTCODE, "2119").build();
    private static final PersonRecord JON = aPerson("b").named("jon", "smith").with(
            org.dedup.ml.record.Attribute.POSTCODE, "2119").build();
    private static ModelArtifact boosted;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() {
        boosted = smallModel(Algorithm.GRADIENT_BOOSTING);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void aSavedModelOfEveryAlgorithmLoadsAndScoresTheSame(Algorithm algorithm) {
        ModelArtifact artifact = algorithm == Algorithm.GRADIENT_BOOSTING ? boosted : smallModel(algorithm);
        Path file = dir.resolve(algorithm + ".zip");
        artifact.save(file);
        ModelArtifact loaded = ModelArtifact.load(file);
        assertEquals(artifact.metadata(), loaded.metadata());
        assertEquals(MatchModel.of(artifact).probability(JOHN, JON), MatchModel.of(loaded).probability(JOHN, JON),
                1e-12);
    }

    @Test
    void theMetadataIsReadableJsonInTheModelFile() throws IOException {
        Path file = dir.resolve("model.zip");
        boosted.save(file);
        String metadata = entry(file, "metadata.json");
        assertTrue(metadata.contains("\"algorithm\" : \"GRADIENT_BOOSTING\""), metadata);
        assertTrue(metadata.contains("\"smile\" : \"4.4.2\""), metadata);
        assertTrue(metadata.contains("\"given_name_jaro_winkler\""), metadata);
    }

    @Test
    void aModelTrainedOnAnotherFeatureSchemaIsRefusedNamingBothVersions() {
        ModelMetadata m = boosted.metadata();
        ModelMetadata older = new ModelMetadata(m.formatVersion(), m.recordSchema(),
                new FeatureSchema(0, List.of("surname_exact")), m.blocking(), m.algorithm(), m.thresholds(),
                m.training(), m.heldOut(), m.notes(), m.libraries(), m.createdAt());
        Path file = dir.resolve("old.zip");
        new ModelArtifact(older, boosted.frequencies(), boosted.classifier()).save(file);
        ModelFileException error = assertThrows(ModelFileException.class, () -> ModelArtifact.load(file));
        assertTrue(error.getMessage().contains("feature schema version 0 with 1 features; its record schema 'people' "
                + "gives version " + PairFeatures.SCHEMA_VERSION), error.getMessage());
    }

    @Test
    void aCraftedModelFileCannotRunCode() throws IOException {
        Path file = dir.resolve("crafted.zip");
        boosted.save(file);
        Path crafted = dir.resolve("evil.zip");
        ByteArrayOutputStream gadget = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(gadget)) {
            out.writeObject(new Gadget());
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(crafted))) {
            for (String name : List.of("metadata.json", "frequencies.json")) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(entry(file, name).getBytes());
            }
            zip.putNextEntry(new ZipEntry("classifier.bin"));
            zip.write(gadget.toByteArray());
        }
        ModelFileException error = assertThrows(ModelFileException.class, () -> ModelArtifact.load(crafted));
        assertTrue(error.getMessage().contains("not allowed in a model: " + Gadget.class.getName()), error.getMessage());
        assertFalse(Gadget.ran, "the gadget's readObject must never run");
    }

    @Test
    void aFileThatIsNotAModelIsRefusedClearly() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.zip"), "not a model at all");
        ModelFileException error = assertThrows(ModelFileException.class, () -> ModelArtifact.load(text));
        assertTrue(error.getMessage().contains("is not a model file"), error.getMessage());
        ModelFileException missing = assertThrows(ModelFileException.class,
                () -> ModelArtifact.load(dir.resolve("absent.zip")));
        assertTrue(missing.getMessage().contains("cannot read the model file: it does not exist"), missing.getMessage());
    }

    @Test
    void anArchiveMissingAnEntryOfTheModelIsRefusedNamingIt() {
        Path partial = CraftedModels.zip(dir.resolve("partial.zip"),
                Map.of("metadata.json", CraftedModels.shippedEntries().get("metadata.json")));
        ModelFileException error = assertThrows(ModelFileException.class, () -> ModelArtifact.load(partial));
        assertEquals("this is not a model file: it has no frequencies.json", error.problem());
    }

    @Test
    void theShippedModelsLoadWithTheFeatureSchemaOfTheirRecordSchema() {
        for (ModelArtifact shipped : List.of(ModelArtifact.bundled(), ModelArtifact.bundledCompanies())) {
            assertEquals(new PairFeatures(shipped.metadata().recordSchema(), shipped.frequencies()).schema(),
                    shipped.metadata().featureSchema());
            assertEquals(Algorithm.GRADIENT_BOOSTING, shipped.metadata().algorithm());
        }
        assertEquals("people", ModelArtifact.bundled().metadata().recordSchema().name());
        assertEquals("companies", ModelArtifact.bundledCompanies().metadata().recordSchema().name());
    }

    @Test
    void aModelWhoseBlockingRuleDoesNotFollowFromItsSchemaIsRefused() {
        ModelMetadata m = boosted.metadata();
        ModelMetadata odd = new ModelMetadata(m.formatVersion(), m.recordSchema(), m.featureSchema(),
                new ModelMetadata.Blocking(List.of("cw.company_name"), Set.of(), 1, 1), m.algorithm(),
                m.thresholds(), m.training(), m.heldOut(), m.notes(), m.libraries(), m.createdAt());
        Path file = dir.resolve("odd.zip");
        new ModelArtifact(odd, boosted.frequencies(), boosted.classifier()).save(file);
        ModelFileException error = assertThrows(ModelFileException.class, () -> ModelArtifact.load(file));
        assertTrue(error.getMessage().contains("blocking rule 'cw.company_name' does not follow from the people "
                + "schema"), error.getMessage());
    }

    private static String entry(Path zipFile, String name) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(zipFile))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return new String(zip.readAllBytes());
                }
            }
        }
        throw new AssertionError(name + " not in " + zipFile);
    }

    /** A class whose deserialization has a side effect, as a real gadget chain would. */
    static final class Gadget implements Serializable {
        static volatile boolean ran;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            ran = true;
        }
    }
}
