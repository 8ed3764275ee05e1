package org.dedup.app.http;

import java.util.Locale;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.search.PairAnswer;
import org.dedup.domain.search.RecordPair;

/**
 * The body of {@code POST /v1/labels}: {"first": {"kind": "lead", "id": ...}, "second": {...}, "answer": "match" |
 * "not_a_match" | "unsure"}.
 */
record LabelRequest(NotDuplicateRequest.RecordView first, NotDuplicateRequest.RecordView second, String answer) {
    RecordPair pair() {
        return new NotDuplicateRequest(first, second).pair();
    }

    PairAnswer pairAnswer() {
        if (answer == null) {
            throw new InvalidRecordException("answer is required: match, not_a_match or unsure");
        }
        try {
            return PairAnswer.valueOf(answer.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRecordException("answer must be match, not_a_match or unsure, was '" + answer + "'");
        }
    }
}
