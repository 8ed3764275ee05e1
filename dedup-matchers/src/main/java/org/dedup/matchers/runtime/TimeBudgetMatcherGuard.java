package org.dedup.matchers.runtime;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.dedup.domain.match.Matcher;
import org.dedup.domain.match.MatcherFailure;
import org.dedup.domain.match.MatcherGuard;
import org.dedup.domain.model.Require;
import org.dedup.matchers.plugins.MatcherRegistry;

/**
 * The matcher guard of the engine: each call of a guarded matcher (a plugin dropped into the plugins directory) runs on
 * a virtual thread of its own and is given up after the time budget (interrupted), so a plugin that hangs costs a check
 * no more than the budget. The application's own matchers (built-in, BIG DATA) are called on the caller's thread:
 * handing each of their calls to another thread and back took about a tenth of the server's CPU under load
 * (BENCHMARKS.md). Either way an exception, or a call over the budget, is recorded as a {@link MatcherFailure} and
 * logged: at WARN, without its stack trace (at DEBUG), a matcher's first failure and then at most one a minute
 * ({@link FailureWarnings}), since a matcher that is down fails on every lead.
 */
public final class TimeBudgetMatcherGuard implements MatcherGuard, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TimeBudgetMatcherGuard.class.getName());
    private static final Duration DEFAULT_BUDGET = Duration.ofSeconds(2);
    private static final Duration WARN_INTERVAL = Duration.ofMinutes(1);
    private final Duration budget;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final FailureWarnings warnings = new FailureWarnings(WARN_INTERVAL);
    private final Predicate<Matcher> guarded;

    /** Every matcher's calls under {@code budget}. */
    public TimeBudgetMatcherGuard(Duration budget) {
        this(budget, matcher -> true);
    }

    /** The calls of the matchers {@code guarded} accepts under {@code budget}; the others on the caller's thread. */
    public TimeBudgetMatcherGuard(Duration budget, Predicate<Matcher> guarded) {
        this.budget = Require.nonNull(budget, "matcher time budget");
        this.guarded = Require.nonNull(guarded, "guarded matchers");
    }

    /** Every matcher's calls under the default budget of two seconds. */
    public static TimeBudgetMatcherGuard withDefaultBudget() {
        return new TimeBudgetMatcherGuard(DEFAULT_BUDGET);
    }

    /** The calls of {@code registry}'s plugins under the default budget; the application's own matchers inline. */
    public static TimeBudgetMatcherGuard forPluginsOf(MatcherRegistry registry) {
        return new TimeBudgetMatcherGuard(DEFAULT_BUDGET, registry::fromPluginJar);
    }

    @Override
    public <T> T call(Matcher matcher, Supplier<T> call, T fallback, List<MatcherFailure> failures) {
        if (!guarded.test(matcher)) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                return failed(matcher, MatcherGuard.threw(e), e, fallback, failures);
            }
        }
        Future<T> future = executor.submit(call::get);
        try {
            return future.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return failed(matcher, "did not answer within " + budget.toMillis() + " ms", e, fallback, failures);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return failed(matcher, MatcherGuard.threw(cause), cause, fallback, failures);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return failed(matcher, "interrupted", e, fallback, failures);
        }
    }

    private <T> T failed(Matcher matcher, String reason, Throwable cause, T fallback, List<MatcherFailure> failures) {
        warnings.warn(matcher.method(), System.nanoTime()).ifPresent(unlogged -> LOG.log(
                System.Logger.Level.WARNING, "matcher " + matcher.method() + " failed: " + reason
                        + (unlogged > 0 ? " (and " + unlogged + " failures of it not logged since the last warning)"
                        : "")));
        LOG.log(System.Logger.Level.DEBUG, "matcher " + matcher.method() + " failed: " + reason, cause);
        MatcherGuard.recordFailure(matcher, reason, failures);
        return fallback;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
