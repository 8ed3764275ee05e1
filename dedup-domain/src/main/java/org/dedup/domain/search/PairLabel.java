package org.dedup.domain.search;

import java.time.Instant;

import org.dedup.domain.model.Require;

/** A labelled pair: the two records, the answer and when it was given. */
public record PairLabel(RecordPair pair, PairAnswer answer, Instant labelledAt) {
    public PairLabel {
        Require.nonNull(pair, "pair");
        Require.nonNull(answer, "answer");
        Require.nonNull(labelledAt, "labelledAt");
    }
}
