package org.dedup.domain.match;

import java.util.List;
import java.util.function.Supplier;

/**
 * Port: runs the calls of matchers so that a failing or slow matcher (a third-party plugin, say) cannot break
 * duplicate control. A call that throws, or that the runtime gives up on (its time budget spent), answers
 * {@code fallback}, and a {@link MatcherFailure} naming the method and the reason is added to {@code failures}; the
 * check goes on without that matcher's answer. The domain starts no threads: a runtime that bounds a call's time
 * (dedup-matchers' {@code TimeBudgetMatcherGuard}) runs it on threads of its own.
 */
public interface MatcherGuard {

    /** The result of {@code call}, or {@code fallback} with a failure added to {@code failures}. */
    <T> T call(Matcher matcher, Supplier<T> call, T fallback, List<MatcherFailure> failures);

    /** Adds the failure of {@code matcher} to {@code failures}, which the calls of one check may share across threads. */
    static void recordFailure(Matcher matcher, String reason, List<MatcherFailure> failures) {
        synchronized (failures) {
            failures.add(new MatcherFailure(matcher.method(), reason));
        }
    }

    /** The reason of a call that threw {@code thrown}: what was thrown and its message. */
    static String threw(Throwable thrown) {
        return thrown.getClass().getSimpleName() + ": " + thrown.getMessage();
    }
}
