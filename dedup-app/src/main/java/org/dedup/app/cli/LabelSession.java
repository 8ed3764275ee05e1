package org.dedup.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.dedup.ml.active.ActiveLearner;
import org.dedup.ml.record.Attribute;
import org.dedup.ml.record.LabelledPair;
import org.dedup.ml.record.LabelledPairFiles;
import org.dedup.ml.record.PersonRecord;
import org.dedup.ml.record.RecordSchema;

/**
 * One labelling session in a terminal: the pair the model is least sure of, both records side by side, the answer
 * (yes, no, unsure, quit) appended to the labelled-pairs file at once, so nothing is lost when the session ends in
 * any way; pairs already in the file are learnt first and not asked again. The {@link ActiveLearner} refits the
 * model between answers, so the next pair reflects the answers so far.
 */
final class LabelSession {
    private static final String ROW = "  %-16s | %-32s | %-32s%n";
    private final ActiveLearner pairs;
    private final RecordSchema schema;
    private final Path out;
    private final BufferedReader in;
    private final PrintWriter terminal;
    private int yes;
    private int no;
    private int unsure;

    LabelSession(ActiveLearner pairs, RecordSchema schema, Path out, BufferedReader in, PrintWriter terminal) {
        this.pairs = pairs;
        this.schema = schema;
        this.out = out;
        this.in = in;
        this.terminal = terminal;
    }

    /** Asks until the person quits, the input ends or no candidate is left; how many pairs were labelled. */
    int run() {
        List<LabelledPair> earlier = Files.exists(out) ? LabelledPairFiles.read(out, schema) : List.of();
        earlier.forEach(labelled -> count(labelled.match()));
        if (!earlier.isEmpty()) {
            pairs.learn(earlier);
        }
        int before = yes + no;
        terminal.printf("%,d candidate pairs, %,d already labelled in %s%n", pairs.size(), before, out);
        Optional<ActiveLearner.Candidate> next = pairs.next();
        while (next.isPresent()) {
            ActiveLearner.Candidate candidate = next.get();
            show(candidate);
            Optional<Boolean> answer;
            String reply = ask();
            switch (reply) {
                case "y" -> answer = Optional.of(true);
                case "n" -> answer = Optional.of(false);
                case "u" -> answer = Optional.empty();
                default -> {
                    return finish(before);
                }
            }
            answer.ifPresentOrElse(match -> {
                LabelledPairFiles.append(out, schema, new LabelledPair(candidate.pair(), match));
                count(match);
            }, () -> unsure++);
            pairs.answer(candidate.pair(), answer);
            next = pairs.next();
        }
        terminal.println("no candidate pair is left to label");
        return finish(before);
    }

    private void count(boolean match) {
        if (match) {
            yes++;
        } else {
            no++;
        }
    }

    private void show(ActiveLearner.Candidate candidate) {
        PersonRecord left = candidate.pair().first();
        PersonRecord right = candidate.pair().second();
        terminal.printf("%npair %d (labelled %d: %d yes, %d no; %d unsure) - the model says %.2f%n",
                yes + no + unsure + 1, yes + no, yes, no, unsure, candidate.probability());
        terminal.printf(ROW, "", left.id(), right.id());
        for (Attribute attribute : schema.attributes()) {
            String a = value(left, attribute);
            String b = value(right, attribute);
            if (!a.isEmpty() || !b.isEmpty()) {
                terminal.printf(ROW, attribute.key(), a, b);
            }
        }
    }

    private static String value(PersonRecord record, Attribute attribute) {
        return switch (attribute.kind()) {
            case EMAIL -> String.join("; ", record.emails());
            case PHONE -> String.join("; ", record.phones());
            default -> record.value(attribute);
        };
    }

    /** y, n, u or q; the end of the input counts as q. */
    private String ask() {
        while (true) {
            terminal.print("Same entity? [y]es, [n]o, [u]nsure, [q]uit: ");
            terminal.flush();
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (line == null) {
                return "q";
            }
            String reply = line.strip().toLowerCase(Locale.ROOT);
            if (!reply.isEmpty() && "ynuq".indexOf(reply.charAt(0)) >= 0) {
                return reply.substring(0, 1);
            }
            terminal.println("answer y, n, u or q");
        }
    }

    private int finish(int before) {
        int labelled = yes + no - before;
        terminal.printf("%d pairs labelled now, %d in all in %s (%d yes, %d no); train with: dedup train --pairs %s "
                + "...%n", labelled, yes + no, out, yes, no, out);
        terminal.flush();
        return labelled;
    }
}
