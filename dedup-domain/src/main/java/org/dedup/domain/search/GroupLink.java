package org.dedup.domain.search;

import java.io.Serializable;
import java.util.List;

import org.dedup.domain.match.FieldMatch;
import org.dedup.domain.model.Require;

/**
 * A direct link between two members of a duplicate group: the rule or method that made it, its score (1.0 for a
 * rule, the model's probability for a scored pair) and why.
 */
public record GroupLink(RecordPair pair, String method, double score, List<FieldMatch> explanation)
        implements Serializable {
    public GroupLink {
        Require.nonNull(pair, "linked pair");
        Require.nonBlank(method, "link method");
        explanation = Require.copy(explanation, "link explanation");
    }
}
