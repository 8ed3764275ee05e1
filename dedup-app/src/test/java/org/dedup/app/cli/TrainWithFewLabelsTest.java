package org.dedup.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.dedup.ml.active.ActiveLearner;
import org.dedup.ml.model.MatchModel;
import org.dedup.ml.model.ModelArtifact;
import org.dedup.ml.record.LabelledPairFiles;
import org.dedup.ml.record.PersonPair;
import org.dedup.ml.record.PersonRecord;
import org.dedup.ml.record.RecordFiles;
import org.dedup.ml.record.RecordSchema;

/**
 * {@code dedup train --pairs} with a few labels writes the shipped model corrected by them, the model a labelling
 * session over the same records scores with.
 */
class TrainWithFewLabelsTest {
    private static final Path FEBRL = Path.of("..", "dedup-ml-matcher", "data", "febrl");
    @TempDir
    Path dir;

    @Test
    void theWrittenModelScoresEveryCandidateAsTheLabellingSessionDoes() throws IOException {
        Path records = Files.writeString(dir.resolve("records.csv"), """
                id,given_name,surname,email,phone
                p1,Maria,Kowalski,maria.k@mail.com,4155552671
                p2,Maria,Kowalsky,maria.k@mail.com,4155552671
                p3,Oleg,Petrov,oleg@x.io,2125550199
                p4,Olga,Petrova,olga@x.io,2125550199
                p5,John,Smith,js@x.io,3125550111
                p6,Jon,Smith,jsmith@y.io,3125550111
                p7,Jon,Smith,jon.smith@z.io,3125550111
                """);
        Path pairs = Files.writeString(dir.resolve("labels.csv"), """
                match,left_id,left_given_name,left_surname,left_email,left_phone,right_id,right_given_name,right_surname,right_email,right_phone
                1,p1,Maria,Kowalski,maria.k@mail.com,4155552671,p2,Maria,Kowalsky,maria.k@mail.com,4155552671
                0,p3,Oleg,Petrov,oleg@x.io,2125550199,p4,Olga,Petrova,olga@x.io,2125550199
                1,p5,John,Smith,js@x.io,3125550111,p6,Jon,Smith,jsmith@y.io,3125550111
                """);
        Path model = dir.resolve("tenant-model.zip");

        String printed = CommandLineTest.dedup("train", "--pairs", pairs.toString(), "--label-records", records.toString(), "--febrl-dir",
                FEBRL.toString(), "--out", model.toString());

        assertTrue(printed.contains("kept the shipped model") && printed.contains("corrected by 3 labelled pairs"),
                printed);
        List<PersonRecord> pool = RecordFiles.readUnlabelled(records, RecordSchema.people(), "id", Set.of());
        MatchModel shipped = MatchModel.of(ModelArtifact.bundled());
        ActiveLearner session = ActiveLearner.of(shipped, pool, ActiveLearner.DEFAULT_REFIT_EVERY);
        session.learn(LabelledPairFiles.read(pairs, RecordSchema.people()));
        MatchModel written = MatchModel.of(ModelArtifact.load(model));
        int changed = 0;
        for (PersonPair pair : session.candidates()) {
            double inSession = session.model().probability(pair.first(), pair.second());
            assertEquals(inSession, written.probability(pair.first(), pair.second()), 0.0, pair.toString());
            changed += inSession != shipped.probability(pair.first(), pair.second()) ? 1 : 0;
        }
        assertNotEquals(0, changed, "the labels changed a candidate's probability");
    }
}
