package org.dedup.core.index;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.dedup.domain.index.LeadIndexing;

/**
 * Runs the tenants' reindex jobs in the background of a server or a hosting application: every poll interval it
 * indexes page after page while a job is due, one short transaction per page, so an arrival waits on one page at most,
 * and after each page it pauses as its {@link ReindexPace} says, so a reindex of a large tenant never takes the
 * cores and connections its arrivals need. Every process on the database may run one: a page is taken by one process
 * only, and a job a stopped process left goes on from its last page in the next process to poll.
 */
public final class LeadIndexer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LeadIndexer.class.getName());
    private final BooleanSupplier nextPage;
    private final long pollIntervalMillis;
    private final ReindexPace pace;
    private final LongSupplier nanoTime;
    private final Pause pause;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("dedup-reindex").daemon().factory());

    public LeadIndexer(LeadIndexing indexing, long pollIntervalMillis, ReindexPace pace) {
        this(indexing::indexNextPage, pollIntervalMillis, pace, System::nanoTime, Thread::sleep);
    }

    /** {@code nextPage}: indexes a page, false when none was due; the time it takes is read from {@code nanoTime}. */
    LeadIndexer(BooleanSupplier nextPage, long pollIntervalMillis, ReindexPace pace, LongSupplier nanoTime,
                Pause pause) {
        this.nextPage = nextPage;
        this.pollIntervalMillis = pollIntervalMillis;
        this.pace = pace;
        this.nanoTime = nanoTime;
        this.pause = pause;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::indexDue, 0, pollIntervalMillis, TimeUnit.MILLISECONDS);
    }

    /** One round: pages until no job is due, each followed by its pause. */
    void indexDue() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long started = nanoTime.getAsLong();
                if (!nextPage.getAsBoolean()) {
                    return;
                }
                pause.sleep(pace.pauseAfter(Duration.ofNanos(nanoTime.getAsLong() - started)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the database is unavailable, or a page met a lock it could not wait for: the job stays where it was
            LOG.log(System.Logger.Level.WARNING, "a reindex page failed, it is tried again: {0}", e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits between pages; a test records the pauses instead. */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }
}
