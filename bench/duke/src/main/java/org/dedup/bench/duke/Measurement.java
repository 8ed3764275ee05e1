package org.dedup.bench.duke;

import java.util.LinkedHashMap;
import java.util.Map;

import org.dedup.bench.data.PairQuality;

/**
 * What one engine did on one task, as a child JVM reports it to {@link SideBySide} in one line of its output.
 *
 * @param task          the task, e.g. {@code febrl3} or {@code tenant-100000}
 * @param engine        {@code ours} or {@code duke}
 * @param records       records the engine processed (fewer than the task's when stopped at its time bound)
 * @param seconds       wall time of the engine's work, reading/cleaning the records included, JVM start excluded
 * @param projected     wall time for all the task's records: {@code seconds}, or an extrapolation when stopped
 * @param pairsCompared candidate pairs the engine compared in detail
 * @param quality       the pairs it reported against the known truth
 * @param peakHeap      peak heap in use, bytes
 * @param peakLiveHeap  peak heap live after a collection, bytes
 * @param peakRss       peak resident set of the JVM, bytes
 * @param note          how it ran (threshold, extrapolation), free text without tabs
 */
public record Measurement(String task, String engine, long records, double seconds, double projected,
                          long pairsCompared,
                          PairQuality quality, long peakHeap, long peakLiveHeap, long peakRss, String note) {
    static final String PREFIX = "MEASUREMENT\t";

    /** The line a child JVM prints. */
    String toLine() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("task", task);
        fields.put("engine", engine);
        fields.put("records", Long.toString(records));
        fields.put("seconds", Double.toString(seconds));
        fields.put("projected", Double.toString(projected));
        fields.put("pairsCompared", Long.toString(pairsCompared));
        fields.put("found", Long.toString(quality.found()));
        fields.put("truth", Long.toString(quality.truth()));
        fields.put("right", Long.toString(quality.right()));
        fields.put("peakHeap", Long.toString(peakHeap));
        fields.put("peakLiveHeap", Long.toString(peakLiveHeap));
        fields.put("peakRss", Long.toString(peakRss));
        fields.put("note", note.replace('\t', ' ').replace('\n', ' '));
        StringBuilder line = new StringBuilder(PREFIX);
        fields.forEach((key, value) -> line.append(key).append('=').append(value).append('\t'));
        return line.toString();
    }

    /** Reads a line written by {@link #toLine()}. */
    static Measurement parse(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : line.substring(PREFIX.length()).split("\t")) {
            int equals = field.indexOf('=');
            if (equals > 0) {
                fields.put(field.substring(0, equals), field.substring(equals + 1));
            }
        }
        return new Measurement(fields.get("task"), fields.get("engine"), Long.parseLong(fields.get("records")),
                Double.parseDouble(fields.get("seconds")), Double.parseDouble(fields.get("projected")),
                Long.parseLong(fields.get("pairsCompared")),
                new PairQuality(Long.parseLong(fields.get("found")), Long.parseLong(fields.get("truth")),
                        Long.parseLong(fields.get("right"))),
                Long.parseLong(fields.get("peakHeap")), Long.parseLong(fields.get("peakLiveHeap")),
                Long.parseLong(fields.get("peakRss")), fields.getOrDefault("note", ""));
    }
}
