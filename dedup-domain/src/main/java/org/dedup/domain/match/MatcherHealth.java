package org.dedup.domain.match;

import org.dedup.domain.model.Require;

/**
 * Whether a matcher can do its work. One that could not load what it needs (a model file that was refused) is
 * {@link Unavailable} and says why; the server reports it in its health, and the matcher's calls fail with the same
 * reason, so the other methods go on.
 */
public sealed interface MatcherHealth {
    MatcherHealth AVAILABLE = new Available();

    /** The matcher works. */
    record Available() implements MatcherHealth {
    }

    /** The matcher cannot work, for {@code reason}: it is shown to callers, so no paths or personal data in it. */
    record Unavailable(String reason) implements MatcherHealth {
        public Unavailable {
            Require.nonBlank(reason, "unavailability reason");
        }
    }
}
