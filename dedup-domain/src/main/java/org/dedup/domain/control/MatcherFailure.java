package org.dedup.domain.control;

import org.dedup.domain.match.MatchMethod;
import org.dedup.domain.model.Require;

/** A matcher that threw or timed out during a check; the check went on without it. */
public record MatcherFailure(MatchMethod method, String reason) {
    public MatcherFailure {
        Require.nonNull(method, "failed method");
        Require.nonBlank(reason, "failure reason");
    }
}
