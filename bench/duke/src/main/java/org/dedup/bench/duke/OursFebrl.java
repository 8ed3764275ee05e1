package org.dedup.bench.duke;

/**
 * Our side of the Febrl tasks: the BIG DATA matcher of {@code dedup-ml-matcher}, called through its Febrl
 * evaluation entry point, never re-implemented here.
 *
 * <p>That entry point does not exist yet (issue 5). Once it does, each method calls it on the same files Duke
 * gets (trained on febrl1 + febrl2, the usual protocol), times only the matching as {@link DukeFebrl} does,
 * calls {@code memory.checkpoint()} after stopping the clock, and scores the reported pairs with
 * {@code PairQuality.score} against the same truth; {@link SideBySide} then fills in the "ours" column.
 */
final class OursFebrl {
    private final PeakMemory memory;

    OursFebrl(PeakMemory memory) {
        this.memory = memory;
    }

    Outcome deduplicate(FebrlFile file) {
        throw unavailable(file.toString() + " (" + memory.peakHeapBytes() + " bytes of heap so far)");
    }

    Outcome link(FebrlFile first, FebrlFile second) {
        throw unavailable(first + " + " + second);
    }

    private static UnsupportedOperationException unavailable(String what) {
        return new UnsupportedOperationException("dedup-ml-matcher has no Febrl evaluation API yet: " + what
                + " is not run for ours");
    }
}
