package org.dedup.bench.ml;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.dedup.bench.NamedArgs;
import org.dedup.ml.features.PreparedRecord;
import org.dedup.ml.model.MatchModel;
import org.dedup.ml.model.ModelArtifact;
import org.dedup.ml.model.ModelLimits;
import org.dedup.ml.record.PersonPair;
import org.dedup.ml.record.PersonRecord;
import org.dedup.ml.record.RecordFiles;

/**
 * The work of {@link PairScoringBenchmark}'s operations measured by this thread's CPU time instead of the wall
 * clock, so that two builds can be compared on a machine other builds share: every blocked candidate pair of Febrl 3
 * scored {@code passes} times per round, {@code rounds} rounds, each printed as pairs per CPU second. A vCPU that is
 * descheduled still counts, so run two builds alternately, in the same minutes, and compare the later rounds.
 * With {@code rounds=0} it only scores {@code passes} passes and prints the checksum: run it under
 * {@code valgrind --tool=callgrind} with two pass counts, and the difference of the instruction counts is the
 * instructions of that many passes, whatever else the machine runs.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.dedup.bench.ml.PairScoringCpuTime [operation=scorePreparedPair|
 *     scoreCandidate|extractFeatures] [rounds=12] [passes=10] [records=dedup-ml-matcher/data/febrl/dataset3.csv]</pre>
 */
public final class PairScoringCpuTime {
    private final MatchModel model;
    private final PreparedRecord[] firsts;
    private final PreparedRecord[] seconds;
    private final PersonRecord[] unprepared;

    private PairScoringCpuTime(Path records) {
        // No time budget to speak of: under valgrind, loading takes minutes.
        model = MatchModel.of(ModelArtifact.bundled(ModelLimits.DEFAULT.withTimeBudget(Duration.ofHours(1))));
        List<PersonPair> pairs = model.blocker().dedupPairs(RecordFiles.readFebrl(records).records());
        Map<PersonRecord, PreparedRecord> prepared = new IdentityHashMap<>();
        firsts = pairs.stream().map(p -> prepared.computeIfAbsent(p.first(), model::prepare))
                .toArray(PreparedRecord[]::new);
        seconds = pairs.stream().map(p -> prepared.computeIfAbsent(p.second(), model::prepare))
                .toArray(PreparedRecord[]::new);
        unprepared = pairs.stream().map(PersonPair::second).toArray(PersonRecord[]::new);
    }

    public static void main(String[] args) {
        NamedArgs named = NamedArgs.parse(args);
        String operation = named.text("operation", "scorePreparedPair");
        int rounds = named.integer("rounds", 12);
        int passes = named.integer("passes", 10);
        PairScoringCpuTime harness = new PairScoringCpuTime(
                Path.of(named.text("records", "dedup-ml-matcher/data/febrl/dataset3.csv")));
        if (rounds == 0) {
            System.out.printf("%s: %d passes over %,d pairs, checksum %s%n", operation, passes,
                    harness.firsts.length, harness.run(operation, passes));
            return;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            long start = threads.getCurrentThreadCpuTime();
            double checksum = harness.run(operation, passes);
            long nanos = threads.getCurrentThreadCpuTime() - start;
            System.out.printf("%s round %2d: %,.0f pairs per CPU second (checksum %s)%n", operation, round,
                    (double) passes * harness.firsts.length / (nanos / 1e9), checksum);
        }
    }

    /** The sum of every probability (or feature) computed, so that none of the work can be left out. */
    private double run(String operation, int passes) {
        double sum = 0;
        for (int pass = 0; pass < passes; pass++) {
            for (int i = 0; i < firsts.length; i++) {
                sum += switch (operation) {
                    case "scorePreparedPair" -> model.probability(firsts[i], seconds[i]);
                    case "scoreCandidate" -> model.probability(firsts[i], model.prepare(unprepared[i]));
                    case "extractFeatures" -> model.features(firsts[i], seconds[i])[0];
                    default -> throw new IllegalArgumentException("operation is scorePreparedPair, scoreCandidate "
                            + "or extractFeatures, was " + operation);
                };
            }
        }
        return sum;
    }
}
