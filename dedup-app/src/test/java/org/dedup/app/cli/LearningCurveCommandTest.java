package org.dedup.app.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dedup learning-curve} on two small clustered files: a row per choice, seed and budget, and a summary. */
class LearningCurveCommandTest {
    private static final String HEADER = "id,cluster,given_name,surname,email,phone\n";

    @TempDir
    Path dir;

    @Test
    void printsTheUnlabelledModelAndEachBudgetForActiveAndEachRandomSeed() throws IOException {
        Path pool = Files.writeString(dir.resolve("pool.csv"), HEADER + """
                p1,a,Maria,Kowalski,maria.k@mail.com,4155552671
                p2,a,Maria,Kowalsky,maria.k@mail.com,4155552671
                p3,b,Oleg,Petrov,oleg@x.io,2125550199
                p4,c,Olga,Petrova,olga@x.io,2125550199
                p5,d,John,Smith,js@x.io,3125550111
                p6,d,Jon,Smith,jsmith@y.io,3125550111
                """);
        Path heldOut = Files.writeString(dir.resolve("held-out.csv"), HEADER + """
                h1,x,Anna,Nowak,anna@nowak.pl,4155550001
                h2,x,Ana,Nowak,anna@nowak.pl,4155550001
                h3,y,Peter,Brown,pb@x.io,2125550002
                h4,z,Petra,Brown,petra@x.io,2125550002
                """);

        String printed = CommandLineTest.dedup("learning-curve", "--model", "people", "--pool", pool.toString(), "--held-out",
                heldOut.toString(), "--labels", "0,1,2", "--random-seeds", "2");

        assertTrue(printed.contains("pool: 6 records, 2 true pairs; held out: 4 records, 1 true pairs"), printed);
        assertTrue(printed.lines().anyMatch(l -> l.startsWith("| none | - | 0 |")), printed);
        for (String row : new String[] {"| active | - | 1 |", "| active | - | 2 |", "| random | 1 | 2 |",
                "| random | 2 | 1 |"}) {
            assertTrue(printed.lines().anyMatch(l -> l.startsWith(row)), row + " in " + printed);
        }
        assertTrue(printed.contains("2 labels: active F1"), printed);
    }
}
