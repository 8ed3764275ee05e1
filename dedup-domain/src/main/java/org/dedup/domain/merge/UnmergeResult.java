package org.dedup.domain.merge;

import java.util.List;

import org.dedup.domain.match.MatcherFailure;
import org.dedup.domain.model.Require;

/**
 * An undone merge: its journal entry, now undone, and the matchers that failed while the restored leads' keys were
 * computed (the leads are restored; they are not found by those methods until they are saved again).
 */
public record UnmergeResult(MergeJournalEntry undone, List<MatcherFailure> failures) {
    public UnmergeResult {
        Require.nonNull(undone, "undone merge");
        failures = Require.copy(failures, "matcher failures");
    }
}
