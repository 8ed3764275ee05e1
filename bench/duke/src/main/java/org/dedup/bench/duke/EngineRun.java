package org.dedup.bench.duke;

import java.util.List;
import java.util.OptionalDouble;

import org.dedup.bench.data.PersonTenant;
import org.dedup.bench.search.BulkSearchHarness;
import org.dedup.domain.search.BulkSearchResult;
import org.dedup.domain.search.ScanMethod;

/**
 * One engine on one task, in a JVM of its own (started by {@link SideBySide}), so that its peak memory is its own.
 * Prints one {@link Measurement} line, or an {@code UNAVAILABLE} line saying why the engine cannot run the task.
 *
 * <pre>java -Xmx2g -cp bench/duke/target/bench-duke.jar org.dedup.bench.duke.EngineRun duke febrl3
 * engines: ours, duke, duke-calibrated (threshold picked on febrl1 + febrl2); on tenants also ours-big_data and
 *          ours-both (scan --method big_data / both)
 * tasks:   febrl3, febrl4, tenant-N [limit seconds for Duke, default 1800]; febrl2 (training data) to check a
 *          Duke configuration without looking at the test sets</pre>
 */
public final class EngineRun {
    static final String UNAVAILABLE = "UNAVAILABLE\t";
    private static final String FEBRL2 = "dataset2.csv";
    private static final String FEBRL3 = "dataset3.csv";
    private static final String FEBRL4A = "dataset4a.csv";
    private static final String FEBRL4B = "dataset4b.csv";
    private static final List<String> TRAINING = List.of("dataset1.csv", "dataset2.csv");

    private EngineRun() {
    }

    public static void main(String[] args) {
        String engine = args[0];
        String task = args[1];
        double limitSeconds = args.length > 2 ? Double.parseDouble(args[2]) : 1800;
        try (PeakMemory memory = new PeakMemory()) {
            Outcome outcome = run(engine, task, limitSeconds, memory);
            System.out.println(outcome.measured(task, engine, memory).toLine());
        } catch (UnsupportedOperationException e) {
            System.out.println(UNAVAILABLE + e.getMessage());
        }
    }

    private static Outcome run(String engine, String task, double limitSeconds, PeakMemory memory) {
        if (task.startsWith("tenant-")) {
            PersonTenant tenant = PersonTenant.generate(Integer.parseInt(task.substring("tenant-".length())),
                    PersonTenant.SEED);
            return switch (engine) {
                case "ours" -> ours(tenant, ScanMethod.RULES, memory);
                case "ours-big_data" -> ours(tenant, ScanMethod.BIG_DATA, memory);
                case "ours-both" -> ours(tenant, ScanMethod.BOTH, memory);
                case "duke" -> new DukeTenant(memory).deduplicate(tenant, limitSeconds);
                default -> throw new UnsupportedOperationException(engine + " does not run " + task);
            };
        }
        return switch (engine) {
            case "ours" -> ours(task, new OursFebrl(memory));
            case "duke" -> duke(task, new DukeFebrl(memory), OptionalDouble.empty());
            case "duke-calibrated" -> {
                long start = System.nanoTime();
                double threshold = DukeFebrl.calibrate(TRAINING.stream().map(FebrlFile::read).toList());
                String calibration = String.format("threshold %.4f picked on febrl1 + febrl2 in %.1f s", threshold,
                        (System.nanoTime() - start) / 1e9);
                Outcome outcome = duke(task, new DukeFebrl(memory), OptionalDouble.of(threshold));
                yield new Outcome(outcome.records(), outcome.seconds(), outcome.projected(), outcome.pairsCompared(),
                        outcome.quality(), calibration);
            }
            default -> throw new UnsupportedOperationException("unknown engine " + engine);
        };
    }

    private static Outcome ours(PersonTenant tenant, ScanMethod method, PeakMemory memory) {
        BulkSearchHarness.Outcome outcome = BulkSearchHarness.search(tenant, method, memory::checkpoint);
        BulkSearchResult result = outcome.result();
        double seconds = (outcome.standardize().toNanos() + outcome.model().toNanos() + result.elapsed().toNanos())
                / 1e9;
        return new Outcome(tenant.contacts().size(), seconds, result.pairsCompared(), outcome.quality(),
                String.format("method %s: standardize %.1f s + model %.1f s + bulk search %.1f s", method.id(),
                        outcome.standardize().toNanos() / 1e9, outcome.model().toNanos() / 1e9,
                        result.elapsed().toNanos() / 1e9));
    }

    private static Outcome ours(String task, OursFebrl ours) {
        return switch (task) {
            case "febrl3" -> ours.deduplicate(FebrlFile.read(FEBRL3));
            case "febrl4" -> ours.link(FebrlFile.read(FEBRL4A), FebrlFile.read(FEBRL4B));
            default -> throw new UnsupportedOperationException("unknown task " + task);
        };
    }

    private static Outcome duke(String task, DukeFebrl duke, OptionalDouble threshold) {
        return switch (task) {
            case "febrl2" -> duke.deduplicate(FebrlFile.read(FEBRL2), threshold);
            case "febrl3" -> duke.deduplicate(FebrlFile.read(FEBRL3), threshold);
            case "febrl4" -> duke.link(FebrlFile.read(FEBRL4A), FebrlFile.read(FEBRL4B), threshold);
            default -> throw new UnsupportedOperationException("unknown task " + task);
        };
    }
}
