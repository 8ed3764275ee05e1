package org.dedup.ml.active;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dedup.ml.TestData;
import org.dedup.ml.evaluate.Evaluation;
import org.dedup.ml.model.MatchModel;
import org.dedup.ml.model.ModelArtifact;
import org.dedup.ml.model.ModelFileException;
import org.dedup.ml.record.LabelledPair;
import org.dedup.ml.record.LabelledRecords;
import org.dedup.ml.record.PersonPair;

/** The labelled model a person gets: the shipped company model corrected by 50 active labels on Chicago's 20 %. */
class LabelledModelTest {
    private static final ModelArtifact SHIPPED = ModelArtifact.bundledCompanies();
    private static final LabelledRecords POOL = TestData.chicago("chicago_train20.csv");
    private static final int LABELS = 50;
    private static ActiveLearner session;
    private static List<LabelledPair> answered;

    @TempDir
    Path directory;

    /** A person's session: 50 pairs chosen actively, answered from the file's clusters, refitted as it goes. */
    @BeforeAll
    static void label() {
        session = ActiveLearner.of(MatchModel.of(SHIPPED), POOL.records(), ActiveLearner.DEFAULT_REFIT_EVERY);
        answered = new ArrayList<>();
        for (int n = 0; n < LABELS; n++) {
            PersonPair pair = session.next().orElseThrow().pair();
            boolean match = POOL.sameEntity(pair.first(), pair.second());
            session.answer(pair, Optional.of(match));
            answered.add(new LabelledPair(pair, match));
        }
        session.refit();
    }

    @Nested
    class TheSavedModelScoresAsTheSession {
        @Test
        void everyCandidatePairScoresTheSameFromTheFileAsInTheSession() {
            Path file = directory.resolve("tenant-model.zip");
            LabelledModel.of(SHIPPED, POOL.records(), answered).save(file);

            MatchModel loaded = MatchModel.of(ModelArtifact.load(file));

            List<PersonPair> sample = session.candidates().stream().limit(2_000).toList();
            int changed = 0;
            for (PersonPair pair : sample) {
                double inSession = session.model().probability(pair.first(), pair.second());
                assertEquals(inSession, loaded.probability(pair.first(), pair.second()), 0.0, pair.toString());
                changed += inSession != MatchModel.of(SHIPPED).probability(pair.first(), pair.second()) ? 1 : 0;
            }
            assertTrue(changed > 0, "the labels changed some pair's probability");
        }

        @Test
        void theSavedModelsHeldOutF1IsTheSessionsF1() {
            Path file = directory.resolve("tenant-model.zip");
            LabelledModel.of(SHIPPED, POOL.records(), answered).save(file);
            LabelledRecords heldOut = TestData.chicago("chicago_first1000.csv");

            double saved = new Evaluation(MatchModel.of(ModelArtifact.load(file))).dedup("held-out", heldOut)
                    .atThreshold().f1();

            assertEquals(new Evaluation(session.model()).dedup("held-out", heldOut).atThreshold().f1(), saved, 0.0);
            assertNotEquals(new Evaluation(MatchModel.of(SHIPPED)).dedup("held-out", heldOut).atThreshold().f1(),
                    saved);
        }

        @Test
        void theFileNamesTheLabelsInItsNotes() {
            ModelArtifact labelled = LabelledModel.of(SHIPPED, POOL.records(), answered);

            assertTrue(labelled.metadata().notes().getLast().startsWith("corrected by " + LABELS + " labelled pairs"),
                    labelled.metadata().notes().toString());
        }
    }

    @Nested
    class AStoredCorrectionIsUntrustedInput {
        @Test
        void aCorrectionWithANonNumberIsRefused() throws IOException {
            Path file = withCorrection("{\"labels\":1,\"intercept\":\"NaN\",\"means\":[],\"weights\":[]}");

            ModelFileException refused = assertThrows(ModelFileException.class, () -> ModelArtifact.load(file));

            assertTrue(refused.getMessage().contains("correction.json is not valid"), refused.getMessage());
        }

        @Test
        void aCorrectionOfTheWrongNumberOfFeaturesIsRefused() throws IOException {
            Path file = withCorrection("{\"labels\":1,\"intercept\":0.5,\"means\":[0.1],\"weights\":[2.0]}");

            ModelFileException refused = assertThrows(ModelFileException.class, () -> ModelArtifact.load(file));

            assertTrue(refused.getMessage().contains("weighs 1 features"), refused.getMessage());
        }

        @Test
        void aCorrectionWithAnUnknownFieldIsRefused() throws IOException {
            Path file = withCorrection("{\"labels\":1,\"intercept\":0,\"means\":[],\"weights\":[],\"@class\":\"x\"}");

            assertThrows(ModelFileException.class, () -> ModelArtifact.load(file));
        }

        @Test
        void aCorrectionLargerThanItsLimitIsRefusedBeforeItIsParsed() throws IOException {
            Path file = withCorrection("{\"labels\":1,\"intercept\":0,\"means\":[],\"weights\":[]}"
                    + " ".repeat(70 * 1024));

            ModelFileException refused = assertThrows(ModelFileException.class, () -> ModelArtifact.load(file));

            assertTrue(refused.getMessage().contains("correction size limit"), refused.getMessage());
        }

        /** The shipped model's file with {@code correction.json} holding {@code json}. */
        private Path withCorrection(String json) throws IOException {
            Path plain = directory.resolve("plain.zip");
            SHIPPED.save(plain);
            Path file = directory.resolve("corrected.zip");
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(plain));
                 OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    zip.putNextEntry(new ZipEntry(entry.getName()));
                    zip.write(in.readAllBytes());
                    zip.closeEntry();
                }
                zip.putNextEntry(new ZipEntry("correction.json"));
                zip.write(json.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return file;
        }
    }
}
