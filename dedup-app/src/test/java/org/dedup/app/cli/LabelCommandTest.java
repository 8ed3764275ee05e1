package org.dedup.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dedup.ml.record.LabelledPair;
import org.dedup.ml.record.LabelledPairFiles;
import org.dedup.ml.record.RecordSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code dedup label} driven end to end through its standard input and output, as a person in a terminal does. */
class LabelCommandTest {
    @TempDir
    Path dir;

    private String label(Path records, Path out, String answers) {
        return label(records, out, new ByteArrayInputStream(answers.getBytes(StandardCharsets.UTF_8)));
    }

    private String label(Path records, Path out, InputStream answers) {
        InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        System.setIn(answers);
        System.setOut(new PrintStream(terminal, true, StandardCharsets.UTF_8));
        try {
            int exit = DedupCommand.commandLine().execute("label", "--model", "people", "--records",
                    records.toString(), "--out", out.toString());
            assertEquals(0, exit, terminal.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
        }
        return terminal.toString(StandardCharsets.UTF_8);
    }

    private Path records() throws IOException {
        return Files.writeString(dir.resolve("people.csv"), """
                id,given_name,surname,email,phone
                r1,Maria,Kowalski,maria.k@mail.com,4155552671
                r2,Maria,Kowalsky,maria.k@mail.com,4155552671
                r3,Oleg,Petrov,oleg@x.io,2125550199
                r4,Olga,Petrova,olga@x.io,2125550199
                r5,John,Smith,js@x.io,3125550111
                r6,Jon,Smith,jsmith@y.io,3125550111
                """);
    }

    @Test
    void eachAnswerIsAppendedAtOnceAndTrainCanReadThem() throws IOException {
        Path out = dir.resolve("labelled.csv");

        String terminal = label(records(), out, "y\nn\nq\n");

        assertTrue(terminal.contains("pair 1 (labelled 0"), terminal);
        assertTrue(terminal.contains("pair 2 (labelled 1: 1 yes, 0 no"), terminal);
        assertTrue(terminal.contains("Same entity? [y]es, [n]o, [u]nsure, [q]uit"), terminal);
        assertTrue(terminal.lines().anyMatch(line -> line.contains("given_name") && line.contains("|")),
                "both records side by side: " + terminal);
        List<LabelledPair> labelled = LabelledPairFiles.read(out, RecordSchema.people());
        assertEquals(List.of(true, false), labelled.stream().map(LabelledPair::match).toList());
    }

    @Test
    void eachAnswerIsInTheFileBeforeTheNextPairIsAsked() throws IOException {
        Path out = dir.resolve("labelled.csv");
        List<Integer> labelledWhenAsked = new ArrayList<>();
        InputStream person = new InputStream() {
            private final List<String> replies = new ArrayList<>(List.of("y\n", "n\n", "u\n"));

            @Override
            public int read() {
                throw new UnsupportedOperationException("read a line at a time");
            }

            /** One reply per read, so each is read only when the session asks for it. */
            @Override
            public int read(byte[] buffer, int offset, int length) {
                labelledWhenAsked.add(Files.exists(out) ? LabelledPairFiles.read(out, RecordSchema.people()).size()
                        : 0);
                if (replies.isEmpty()) {
                    return -1;
                }
                byte[] reply = replies.removeFirst().getBytes(StandardCharsets.UTF_8);
                System.arraycopy(reply, 0, buffer, offset, reply.length);
                return reply.length;
            }
        };

        label(records(), out, person);

        assertEquals(List.of(0, 1, 2), labelledWhenAsked,
                "the labelled pairs in the file each time a reply was read");
    }

    @Test
    void aSecondSessionGoesOnWhereTheFirstStoppedAndUnsureIsNotWritten() throws IOException {
        Path records = records();
        Path out = dir.resolve("labelled.csv");
        label(records, out, "y\nu\nn\n");

        String terminal = label(records, out, "");

        assertTrue(terminal.contains("2 already labelled"), terminal);
        assertTrue(terminal.contains("pair 3 (labelled 2: 1 yes, 1 no"), terminal);
        assertEquals(2, LabelledPairFiles.read(out, RecordSchema.people()).size());
    }
}
