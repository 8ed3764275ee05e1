package org.dedup.domain.match;

import java.util.List;

import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.Require;
import org.dedup.domain.settings.MatchMethod;

/** A record found to duplicate another, with the method, score (0..1) and a per-field explanation. */
public record MatchCandidate(RecordRef record, MatchMethod method, Verdict verdict, double score,
                             List<FieldMatch> explanation) {
    public MatchCandidate {
        Require.nonNull(record, "candidate record");
        Require.nonNull(method, "candidate method");
        Require.nonNull(verdict, "candidate verdict");
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("candidate score must be within 0..1, was " + score);
        }
        explanation = Require.copy(explanation, "candidate explanation");
    }
}
