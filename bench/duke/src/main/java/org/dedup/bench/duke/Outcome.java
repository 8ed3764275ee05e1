package org.dedup.bench.duke;

import org.dedup.bench.data.PairQuality;

/**
 * What an engine reports of one task before the harness adds the memory figures.
 *
 * @param records       records processed
 * @param seconds       wall time of the engine's work
 * @param projected     wall time for all the task's records: {@code seconds}, or an extrapolation when stopped
 * @param pairsCompared candidate pairs compared in detail
 * @param quality       reported pairs against the truth
 * @param note          how it ran, for the report
 */
record Outcome(long records, double seconds, double projected, long pairsCompared, PairQuality quality,
               String note) {
    /** A run that processed all the task's records. */
    Outcome(long records, double seconds, long pairsCompared, PairQuality quality, String note) {
        this(records, seconds, seconds, pairsCompared, quality, note);
    }

    Measurement measured(String task, String engine, PeakMemory memory) {
        return new Measurement(task, engine, records, seconds, projected, pairsCompared, quality, memory.peakHeapBytes(),
                memory.peakLiveHeapBytes(), PeakMemory.peakRssBytes(), note);
    }
}
