package org.dedup.domain.search;

import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.Require;

/** Two records found to be duplicates: {@code first}, and the other one with the method, score and explanation. */
public record CandidatePair(RecordRef first, MatchCandidate match) {
    public CandidatePair {
        Require.nonNull(first, "first record of the pair");
        Require.nonNull(match, "match");
        if (first.equals(match.record())) {
            throw new IllegalArgumentException("a candidate pair needs two different records, got " + first + " twice");
        }
    }

    public RecordPair pair() {
        return new RecordPair(first, match.record());
    }
}
