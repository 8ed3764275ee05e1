package org.dedup.bench.duke;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Runs dedup and Duke side by side (issue 7) and prints the comparison as Markdown tables with the ratio ours/Duke.
 * Every engine runs each task in a JVM of its own ({@link EngineRun}, same {@code -Xmx} for both engines of a
 * task), one after the other, so neither shares a heap, a JIT or a core with the other and the peak memory is the
 * engine's own.
 *
 * <pre>java -cp bench/duke/target/bench-duke.jar org.dedup.bench.duke.SideBySide \
 *     febrl3 febrl4 tenant-100000 tenant-1000000 [--duke-limit 1800] [--xmx-febrl 2g] [--xmx-tenant 12g]</pre>
 */
public final class SideBySide {
    private SideBySide() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        List<String> tasks = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>(Map.of("--duke-limit", "1800", "--xmx-febrl", "2g",
                "--xmx-tenant", "12g"));
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                options.put(args[i], args[++i]);
            } else {
                tasks.add(args[i]);
            }
        }
        System.out.println("load average at start: " + loadAverage());
        for (String task : tasks) {
            boolean febrl = task.startsWith("febrl");
            String xmx = options.get(febrl ? "--xmx-febrl" : "--xmx-tenant");
            List<String> engines = febrl ? List.of("ours", "duke", "duke-calibrated") : List.of("ours", "duke");
            Map<String, Optional<Measurement>> results = new LinkedHashMap<>();
            for (String engine : engines) {
                results.put(engine, run(engine, task, xmx, options.get("--duke-limit")));
            }
            System.out.println();
            System.out.println(table(task, xmx, results));
        }
        System.out.println("load average at end: " + loadAverage());
    }

    private static Optional<Measurement> run(String engine, String task, String xmx, String dukeLimit)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx" + xmx, "-cp",
                System.getProperty("java.class.path"), EngineRun.class.getName(), engine, task, dukeLimit);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        System.err.printf("== %s on %s (-Xmx%s), load average %s%n", engine, task, xmx, loadAverage());
        Process process = builder.start();
        Optional<Measurement> measurement = Optional.empty();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(Measurement.PREFIX)) {
                    measurement = Optional.of(Measurement.parse(line));
                } else if (line.startsWith(EngineRun.UNAVAILABLE)) {
                    System.err.println(line.substring(EngineRun.UNAVAILABLE.length()));
                } else {
                    System.err.println(line);
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0) {
            System.err.printf("%s on %s exited with %d%n", engine, task, exit);
        }
        measurement.ifPresent(m -> System.err.println(m.toLine()));
        return measurement;
    }

    /** One table per task: a row per figure, a column per engine, and ours/Duke. */
    static String table(String task, String xmx, Map<String, Optional<Measurement>> results) {
        List<String> engines = new ArrayList<>(results.keySet());
        StringBuilder table = new StringBuilder("#### " + task + " (each engine in its own JVM, -Xmx" + xmx + ")\n\n|");
        table.append(" |");
        engines.forEach(engine -> table.append(' ').append(engine).append(" |"));
        engines.stream().filter(e -> e.startsWith("duke")).forEach(e -> table.append(" ours / ").append(e).append(" |"));
        table.append("\n|---|").append("---|".repeat(engines.size() * 2 - 1)).append('\n');
        row(table, "records", results, m -> m.records(), "%,.0f");
        row(table, "wall time, s", results, Measurement::seconds, "%,.2f");
        if (results.values().stream().flatMap(Optional::stream).anyMatch(m -> m.projected() != m.seconds())) {
            row(table, "wall time for all records, s (EXTRAPOLATED where stopped)", results, Measurement::projected,
                    "%,.0f");
        }
        row(table, "pairs compared", results, m -> m.pairsCompared(), "%,.0f");
        row(table, "pairs reported", results, m -> m.quality().found(), "%,.0f");
        row(table, "precision", results, m -> m.quality().precision(), "%.4f");
        row(table, "recall", results, m -> m.quality().recall(), "%.4f");
        row(table, "F1", results, m -> m.quality().f1(), "%.4f");
        row(table, "peak heap in use, MB", results, m -> m.peakHeap() / 1e6, "%,.0f");
        row(table, "peak live heap, MB", results, m -> m.peakLiveHeap() / 1e6, "%,.0f");
        row(table, "peak RSS, MB", results, m -> m.peakRss() / 1e6, "%,.0f");
        table.append('\n');
        results.forEach((engine, m) -> table.append("- ").append(engine).append(": ")
                .append(m.map(Measurement::note).orElse("not run (see the log)")).append('\n'));
        return table.toString();
    }

    private static void row(StringBuilder table, String label, Map<String, Optional<Measurement>> results,
                            ToDoubleFunction<Measurement> figure, String format) {
        table.append("| ").append(label).append(" |");
        results.values().forEach(m -> table.append(' ')
                .append(m.map(x -> String.format(format, figure.applyAsDouble(x))).orElse("—")).append(" |"));
        Optional<Measurement> ours = results.getOrDefault("ours", Optional.empty());
        results.forEach((engine, theirs) -> {
            if (engine.startsWith("duke")) {
                table.append(' ').append(ours.flatMap(o -> theirs.map(t -> ratio(figure.applyAsDouble(o),
                        figure.applyAsDouble(t)))).orElse("—")).append(" |");
            }
        });
        table.append('\n');
    }

    private static String ratio(double ours, double theirs) {
        return theirs == 0 ? "—" : String.format("%.3f", ours / theirs);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the load average", e);
        }
    }
}
