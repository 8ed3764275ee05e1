package org.dedup.domain.match;

import org.dedup.domain.model.Require;
import org.dedup.domain.settings.MatchMethod;

/** A matcher that threw or timed out during a check; the check went on without it. */
public record MatcherFailure(MatchMethod method, String reason) {
    public MatcherFailure {
        Require.nonNull(method, "failed method");
        Require.nonBlank(reason, "failure reason");
    }
}
