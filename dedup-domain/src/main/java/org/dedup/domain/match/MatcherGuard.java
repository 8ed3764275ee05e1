package org.dedup.domain.match;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.dedup.domain.model.Require;

/**
 * Runs matcher calls so that a failing or slow matcher (a third-party plugin, say) cannot break duplicate
 * control: an exception or a call over the time budget is logged, recorded as a {@link MatcherFailure}, and the
 * check goes on without that matcher's answer.
 */
public final class MatcherGuard implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MatcherGuard.class.getName());
    private final Duration budget;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public MatcherGuard(Duration budget) {
        this.budget = Require.nonNull(budget, "matcher time budget");
    }

    public static MatcherGuard withDefaultBudget() {
        return new MatcherGuard(Duration.ofSeconds(2));
    }

    /** The result of {@code call}, or {@code fallback} with a failure added to {@code failures}. */
    public <T> T call(Matcher matcher, Supplier<T> call, T fallback, List<MatcherFailure> failures) {
        Future<T> future = executor.submit(call::get);
        try {
            return future.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return failed(matcher, "did not answer within " + budget.toMillis() + " ms", e, fallback, failures);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return failed(matcher, cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause, fallback,
                    failures);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return failed(matcher, "interrupted", e, fallback, failures);
        }
    }

    private static <T> T failed(Matcher matcher, String reason, Throwable cause, T fallback,
                                List<MatcherFailure> failures) {
        LOG.log(System.Logger.Level.WARNING, "matcher " + matcher.method() + " failed: " + reason, cause);
        synchronized (failures) {
            failures.add(new MatcherFailure(matcher.method(), reason));
        }
        return fallback;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
