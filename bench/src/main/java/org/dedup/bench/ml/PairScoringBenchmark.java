package org.dedup.bench.ml;

import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.dedup.ml.features.PairFeatures;
import org.dedup.ml.features.PreparedRecord;
import org.dedup.ml.model.MatchModel;
import org.dedup.ml.model.ModelArtifact;
import org.dedup.ml.record.PersonPair;
import org.dedup.ml.record.PersonRecord;
import org.dedup.ml.record.RecordFiles;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The BIG DATA model on one thread, over the blocked candidate pairs of Febrl 3 (about 15,000, with real typos and
 * missing values) and the shipped model:
 * <ul>
 *   <li>{@code scoreCandidate}: what a check pays per candidate: the candidate's record prepared (its phonetic
 *   codes, q-grams, dates), the pair's features extracted and scored; the incoming record is prepared once per
 *   check, so not here;</li>
 *   <li>{@code scorePreparedPair}: features and score of two prepared records, the cost per pair when records are
 *   compared with many others (evaluation, bulk scoring);</li>
 *   <li>{@code extractFeatures}: feature extraction of two prepared records alone.</li>
 * </ul>
 * Run from the repository root (it reads {@code dedup-ml-matcher/data/febrl}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class PairScoringBenchmark {
    @Param("dedup-ml-matcher/data/febrl/dataset3.csv")
    public String records;

    private MatchModel model;
    private PairFeatures features;
    /** The pairs' records, prepared once: element i of each array is one side of pair i. */
    private PreparedRecord[] firsts;
    private PreparedRecord[] seconds;
    private PersonRecord[] unprepared;
    private int next;

    @Setup
    public void load() {
        ModelArtifact artifact = ModelArtifact.bundled();
        model = MatchModel.of(artifact);
        features = new PairFeatures(artifact.metadata().recordSchema(), artifact.frequencies());
        List<PersonPair> pairs = model.blocker().dedupPairs(RecordFiles.readFebrl(Path.of(records)).records());
        Map<PersonRecord, PreparedRecord> prepared = new IdentityHashMap<>();
        firsts = pairs.stream().map(p -> prepared.computeIfAbsent(p.first(), model::prepare))
                .toArray(PreparedRecord[]::new);
        seconds = pairs.stream().map(p -> prepared.computeIfAbsent(p.second(), model::prepare))
                .toArray(PreparedRecord[]::new);
        unprepared = pairs.stream().map(PersonPair::second).toArray(PersonRecord[]::new);
    }

    @Benchmark
    public double scoreCandidate() {
        int i = nextPair();
        return model.probability(firsts[i], model.prepare(unprepared[i]));
    }

    @Benchmark
    public double scorePreparedPair() {
        int i = nextPair();
        return model.probability(firsts[i], seconds[i]);
    }

    @Benchmark
    public double[] extractFeatures() {
        int i = nextPair();
        return features.extract(firsts[i], seconds[i]);
    }

    private int nextPair() {
        next = next + 1 == firsts.length ? 0 : next + 1;
        return next;
    }
}
