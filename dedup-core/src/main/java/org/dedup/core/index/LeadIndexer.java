package org.dedup.core.index;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.dedup.domain.index.LeadIndexing;

/**
 * Runs the tenants' reindex jobs in the background of a server or a hosting application: every poll interval it
 * indexes page after page while a job is due, one short transaction per page, so an arrival waits on one page at most.
 * Every process on the database may run one: a page is taken by one process only, and a job a stopped process left
 * goes on from its last page in the next process to poll.
 */
public final class LeadIndexer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LeadIndexer.class.getName());
    private final LeadIndexing indexing;
    private final long pollIntervalMillis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("dedup-reindex").daemon().factory());

    public LeadIndexer(LeadIndexing indexing, long pollIntervalMillis) {
        this.indexing = indexing;
        this.pollIntervalMillis = pollIntervalMillis;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::indexDue, 0, pollIntervalMillis, TimeUnit.MILLISECONDS);
    }

    /** One round: pages until no job is due. */
    private void indexDue() {
        try {
            while (!Thread.currentThread().isInterrupted() && indexing.indexNextPage()) {
                // the next page, or the next job
            }
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
}
