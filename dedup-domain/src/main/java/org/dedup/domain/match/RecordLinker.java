package org.dedup.domain.match;

import java.util.List;

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
}
