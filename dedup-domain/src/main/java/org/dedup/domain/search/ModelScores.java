package org.dedup.domain.search;

import org.dedup.domain.match.ScoredPairs;
import org.dedup.domain.model.Require;

/**
 * What a {@link org.dedup.domain.match.RecordLinker} said of a scan's records, for {@link BulkSearch}: the method's
 * name (shown as the rule of the groups it links) and its scored pairs.
 */
public record ModelScores(String method, ScoredPairs pairs) {
    public ModelScores {
        Require.nonBlank(method, "scoring method");
        Require.nonNull(pairs, "scored pairs");
    }

    /** No model: a search by the rules alone. */
    public static ModelScores none() {
        return new ModelScores("none", ScoredPairs.none());
    }
}
