package org.dedup.ml.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.dedup.ml.record.Attribute;
import org.dedup.ml.record.PersonRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.dedup.ml.Persons.aPerson;
import static org.dedup.ml.TestData.smallModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crafted model files are refused quickly, each with a message naming the limit it broke, and models within the
 * limits load as they always did.
 */
class ModelFileLimitsTest {
    /** Every attack is refused well within this; unrefused, each of them runs for ever or exhausts the heap. */
    private static final Duration QUICKLY = Duration.ofSeconds(10);
    private static final ModelLimits DEFAULT = ModelLimits.DEFAULT;
    private static Path trained;

    @TempDir
    Path dir;

    @BeforeAll
    static void saveATrainedModel(@TempDir Path shared) {
        trained = shared.resolve("trained.zip");
        smallModel(Algorithm.GRADIENT_BOOSTING).save(trained);
    }

    @Nested
    class TheArchive {
        @Test
        void aZipBombIsRefusedAtTheCompressionRatioLimit() throws IOException {
            Path bomb = CraftedModels.zipBomb(dir.resolve("bomb.zip"), 1_700_000);
            assertTrue(Files.size(bomb) < 1_800_000, "the bomb is a 1.7 MB file");

            assertRefused(bomb, DEFAULT, "entry classifier.bin unzips to more than 100 times its compressed size "
                    + "(the compression-ratio limit)");
        }

        @Test
        void aFileOverTheFileSizeLimitIsRefusedBeforeItIsUnzipped() throws IOException {
            long size = Files.size(trained);
            assertRefused(trained, archive(new ModelLimits.Archive(size - 1, 16, 64 << 20, 128 << 20, 100)),
                    "the file is " + size + " bytes, more than " + (size - 1) + " (the file-size limit)");
        }

        @Test
        void anEntryOverTheEntrySizeLimitIsRefused() {
            assertRefused(trained, archive(new ModelLimits.Archive(64 << 20, 16, 100_000, 128 << 20, 100)),
                    "entry classifier.bin unzips to more than 100000 bytes (the entry-size limit)");
        }

        @Test
        void entriesOverTheTotalSizeLimitAreRefused() {
            assertRefused(trained, archive(new ModelLimits.Archive(64 << 20, 16, 1 << 20, 100_000, 100)),
                    "the archive unzips to more than 100000 bytes in all (the total-size limit)");
        }

        @Test
        void anArchiveWithTooManyEntriesIsRefusedAtTheEntryCountLimit() {
            List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                entries.add(Map.entry("entry-" + i, new byte[0]));
            }
            assertRefused(CraftedModels.storedZip(dir.resolve("entries.zip"), entries), DEFAULT,
                    "the archive holds more than 16 entries (the entry-count limit)");
        }

        @Test
        void anArchiveHoldingAnEntryTwiceIsRefused() {
            byte[] metadata = CraftedModels.shippedEntries().get("metadata.json");
            Path twice = CraftedModels.storedZip(dir.resolve("twice.zip"),
                    List.of(Map.entry("metadata.json", metadata), Map.entry("metadata.json", metadata)));

            assertRefused(twice, DEFAULT, "the archive holds the entry metadata.json twice");
        }

        @Test
        void aTruncatedFileIsRefusedAsTruncated() throws IOException {
            byte[] whole = Files.readAllBytes(trained);
            Path truncated = Files.write(dir.resolve("truncated.zip"), java.util.Arrays.copyOf(whole,
                    whole.length * 2 / 3));

            assertRefused(truncated, DEFAULT, "the file is truncated: it ends inside an entry");
        }

        @Test
        void aFileThatIsNotAZipIsRefusedAsNotAModelFile() throws IOException {
            byte[] noise = new byte[100_000];
            new Random(20).nextBytes(noise);
            assertRefused(Files.write(dir.resolve("noise.zip"), noise), DEFAULT, "is not a model file");
        }

        private ModelLimits archive(ModelLimits.Archive limits) {
            return DEFAULT.withArchive(limits);
        }
    }

    @Nested
    class TheClassifierGraph {
        @Test
        void theClassicDeserializationBombIsRefusedForItsHashSetsWhichNoModelHolds() {
            assertRefused(withClassifier(CraftedModels.deserializationBomb(100)), DEFAULT,
                    "classifier.bin holds a class that is not allowed in a model: java.util.HashSet");
        }

        @Test
        void aShallowDeserializationBombOfHashSetsIsRefusedForItsHashSets() {
            assertRefused(withClassifier(CraftedModels.shallowDeserializationBomb(100)), DEFAULT,
                    "classifier.bin holds a class that is not allowed in a model: java.util.HashSet");
        }

        @Test
        void aShallowBombOfListsKeyingAHashMapIsRefusedAtTheHashedObjectsLimit() {
            assertRefused(withClassifier(CraftedModels.shallowListBomb(100)), DEFAULT,
                    "classifier.bin holds a collection or record whose hash code visits more than 100000 objects "
                            + "(the hashed-objects limit)");
        }

        @Test
        void sortedMapsAndOtherHashCollectionsAreNotAllowedInAModel() {
            for (Object collection : List.of(new java.util.TreeMap<>(Map.of("a", 1)),
                    new java.util.LinkedHashMap<>(Map.of("a", 1)), new java.util.HashSet<>(Set.of("a")),
                    Set.of("a", "b", "c"), Map.of("a", 1, "b", 2, "c", 3))) {
                assertRefused(withClassifier(CraftedModels.serialized(collection)), DEFAULT,
                        "holds a class that is not allowed in a model: java.util.");
            }
        }

        @Test
        void deeplyNestedObjectsAreRefusedAtTheDepthLimit() {
            assertRefused(withClassifier(CraftedModels.nestedLists(10_000)), DEFAULT,
                    "classifier.bin nests objects more than 64 deep (the depth limit)");
        }

        @Test
        void aHugeArrayLengthClaimIsRefusedAtTheArrayLengthLimit() {
            assertRefused(withClassifier(CraftedModels.arrayClaiming(Integer.MAX_VALUE - 8)), DEFAULT,
                    "classifier.bin claims an array of " + (Integer.MAX_VALUE - 8) + " elements, more than 1000000 "
                            + "(the array-length limit)");
        }

        @Test
        void aClassifierOverTheReferenceLimitIsRefused() {
            assertRefused(trained, graph(new ModelLimits.Graph(64, 1_000, 1_000_000, 64 << 20, 100_000)),
                    "classifier.bin holds more than 1000 objects and references (the reference limit)");
        }

        @Test
        void aClassifierOverTheStreamSizeLimitIsRefused() {
            assertRefused(trained, graph(new ModelLimits.Graph(64, 2_000_000, 1_000_000, 10_000, 100_000)),
                    "classifier.bin is more than 10000 bytes long (the stream-size limit)");
        }

        private ModelLimits graph(ModelLimits.Graph limits) {
            return DEFAULT.withGraph(limits);
        }
    }

    @Nested
    class TheTimeBudget {
        @Test
        void aFileThatLoadsTooSlowlyIsRefusedAtTheTimeBudgetAndItsLoadingStops() throws InterruptedException {
            Path slow = withClassifier(CraftedModels.slowToHash(100_000, 50_000));

            assertRefused(slow, DEFAULT.withTimeBudget(Duration.ofMillis(500)),
                    "loading took longer than 500 ms (the time budget) and was stopped");
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().equals("BIG DATA model load")) {
                    thread.join(QUICKLY);
                    assertFalse(thread.isAlive(), "the abandoned load still runs");
                }
            }
        }
    }

    @Nested
    class ModelsWithinTheLimits {
        private static final PersonRecord JOHN = aPerson("a").named("john", "smith")
                .with(Attribute.POSTCODE, "2119").build();
        private static final PersonRecord JON = aPerson("b").named("jon", "smyth")
                .with(Attribute.POSTCODE, "2119").build();
        private static final PersonRecord MARIA = aPerson("c").named("maria", "lopez")
                .with(Attribute.POSTCODE, "3000").build();

        @Test
        void theShippedModelScoresExactlyAsItsClassifierReadWithoutAnyLimit() throws Exception {
            ModelArtifact limited = ModelArtifact.bundled();
            byte[] classifier = CraftedModels.shippedEntries().get("classifier.bin");
            CalibratedClassifier unlimited;
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(classifier))) {
                unlimited = (CalibratedClassifier) in.readObject();
            }
            MatchModel reference = MatchModel.of(new ModelArtifact(limited.metadata(), limited.frequencies(),
                    unlimited));
            for (List<PersonRecord> pair : List.of(List.of(JOHN, JON), List.of(JOHN, MARIA), List.of(JON, MARIA))) {
                assertEquals(reference.probability(pair.get(0), pair.get(1)),
                        MatchModel.of(limited).probability(pair.get(0), pair.get(1)));
            }
        }
    }

    private Path withClassifier(byte[] classifier) {
        return CraftedModels.withClassifier(dir.resolve("crafted.zip"), classifier);
    }

    private static void assertRefused(Path file, ModelLimits limits, String problem) {
        ModelFileException error = assertTimeoutPreemptively(QUICKLY,
                () -> assertThrows(ModelFileException.class, () -> ModelArtifact.load(file, limits)));
        assertTrue(error.problem().contains(problem), error.getMessage());
        assertEquals(file + ": " + error.problem(), error.getMessage());
    }
}
