package org.dedup.ml.model;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.dedup.domain.model.Require;

/**
 * Loads a model file on a thread of its own and waits for it no longer than the time budget, so a file that makes
 * loading slow cannot hold up what loads it (the server's start). When the budget runs out the loading thread is
 * interrupted: unzipping and deserialization check for that between steps and stop.
 */
final class LoadBudget {
    private LoadBudget() {
    }

    static <T> T within(Duration budget, String source, Callable<T> load) {
        FutureTask<T> task = new FutureTask<>(load);
        Thread.ofPlatform().daemon().name("BIG DATA model load").start(task);
        try {
            return task.get(budget.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new ModelFileException(source, "loading took longer than " + describe(budget)
                    + " (the time budget) and was stopped", e);
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new ModelFileException(source, "loading was interrupted", e);
        } catch (ExecutionException e) {
            throw switch (e.getCause()) {
                case ModelFileException refused -> refused;
                case StackOverflowError deep ->
                        new ModelFileException(source, "its objects recurse without end when read", deep);
                case OutOfMemoryError memory ->
                        new ModelFileException(source, "loading it needs more memory than is free", memory);
                case Throwable other -> new ModelFileException(source, "the file cannot be read ("
                        + Require.abbreviate(String.valueOf(other.getMessage())) + ")", other);
            };
        }
    }

    private static String describe(Duration budget) {
        return budget.toMillis() % 1000 == 0 ? budget.toSeconds() + " s" : budget.toMillis() + " ms";
    }
}
