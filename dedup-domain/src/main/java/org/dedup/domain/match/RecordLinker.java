package org.dedup.domain.match;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Port: a method that finds a tenant's duplicates by scoring pairs of records (a trained model), for bulk search.
 * It proposes the candidate pairs by its own blocking, so a scan never compares every pair, and says of each
 * whether it links the two, leaves them to review, or keeps them apart ({@link ScoredPairs.Level}). A matcher
 * offers one through {@link Matcher#recordLinker()}. Implementations are thread-safe and
 * never query storage.
 */
public interface RecordLinker {

    /**
     * Scores the candidate pairs among {@code records}; positions in the result are positions in that list, and the
     * result explains its pairs (the values compared, their similarities and the score) for a group's links.
     */
    ScoredPairs score(List<ScannedRecord> records);

    /**
     * How this linker proposes its pairs, for a search that streams a tenant through blocks sorted on disk instead of
     * holding it; none when it cannot say (such a search then refuses the method). {@link #score} must pair exactly
     * the records that share a key of a block of at most {@link Blocking#maxBlock()} records, score a pair alike
     * whatever else is in the list, and take the list's order as the pair's order.
     */
    default Optional<Blocking> blocking() {
        return Optional.empty();
    }

    /** The blocks a {@link RecordLinker} puts records in. */
    interface Blocking {
        /** The keys of the blocks {@code record} is in; none when the linker does not compare its kind. */
        Set<String> keys(ScannedRecord record);

        /** The largest block whose pairs are scored; a larger one is skipped. */
        int maxBlock();
    }
}
