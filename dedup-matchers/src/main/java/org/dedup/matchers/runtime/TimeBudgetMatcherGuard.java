package org.dedup.matchers.runtime;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.dedup.domain.match.Matcher;
import org.dedup.domain.match.MatcherFailure;
import org.dedup.domain.match.MatcherGuard;
import org.dedup.domain.model.Require;

/**
 * The matcher guard of the engine: each matcher call runs on a virtual thread of its own and is given up after the
 * time budget (interrupted), so a plugin that hangs costs a check no more than the budget; an exception or a call
 * over the budget is recorded as a {@link MatcherFailure} and logged: at WARN, without its stack trace (at DEBUG),
 * a matcher's first failure and then at most one a minute ({@link FailureWarnings}), since a matcher that is down
 * fails on every lead.
 */
public final class TimeBudgetMatcherGuard implements MatcherGuard, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TimeBudgetMatcherGuard.class.getName());
    private final Duration budget;
    private static final Duration WARN_INTERVAL = Duration.ofMinutes(1);
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final FailureWarnings warnings = new FailureWarnings(WARN_INTERVAL);

    public TimeBudgetMatcherGuard(Duration budget) {
        this.budget = Require.nonNull(budget, "matcher time budget");
    }

    public static TimeBudgetMatcherGuard withDefaultBudget() {
        return new TimeBudgetMatcherGuard(Duration.ofSeconds(2));
    }

    @Override
    public <T> T call(Matcher matcher, Supplier<T> call, T fallback, List<MatcherFailure> failures) {
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
