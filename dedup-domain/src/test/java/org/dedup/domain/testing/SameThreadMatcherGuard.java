package org.dedup.domain.testing;

import java.util.List;
import java.util.function.Supplier;

import org.dedup.domain.match.Matcher;
import org.dedup.domain.match.MatcherFailure;
import org.dedup.domain.match.MatcherGuard;

/**
 * Runs each matcher call on the caller's thread: an exception is contained as the engine's guard contains it, but a
 * call has no time budget. For tests that need no runtime; a hanging matcher needs the engine's guard.
 */
public final class SameThreadMatcherGuard implements MatcherGuard {

    @Override
    public <T> T call(Matcher matcher, Supplier<T> call, T fallback, List<MatcherFailure> failures) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            MatcherGuard.recordFailure(matcher, MatcherGuard.threw(e), failures);
            return fallback;
        }
    }
}
