package org.dedup.domain.control;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.StaleRecordException;
import org.dedup.domain.store.StorageUnavailableException;

/**
 * Incoming leads waiting for a few workers that decide them in batches. A worker takes every arrival waiting, up to
 * {@code maxBatch}, and decides those of a tenant together ({@link DuplicateControl#receiveTogether}): under load a
 * transaction carries many arrivals and few round trips each, while an arrival that comes alone is decided at once,
 * on its own. A batch that fails (a lead it merges into changed concurrently, a write refused) is decided again one
 * arrival at a time, so each gets its own outcome; one failing because the store is unavailable fails all of them.
 * The arrivals of a tenant whose BIG DATA method is on are always decided one at a time
 * ({@link DuplicateControl#receivesTogether}).
 */
public final class ArrivalQueue implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ArrivalQueue.class.getName());
    private static final long POLL_MILLIS = 100;
    private final DuplicateControl control;
    private final int maxBatch;
    private final BlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> workers;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong batchedArrivals = new AtomicLong();
    private final AtomicLong batchesDecidedAgain = new AtomicLong();
    private volatile boolean closed;

    private record Waiting(LeadArrival arrival, CompletableFuture<Decision> decision) {
    }

    /** How the arrivals were decided so far: in batches of two or more, and how many batches failed and were split. */
    public record Counts(long batches, long batchedArrivals, long batchesDecidedAgain) {
    }

    public ArrivalQueue(DuplicateControl control, int workers, int maxBatch) {
        this.control = Require.nonNull(control, "duplicate control");
        Require.positive(workers, "arrival workers");
        this.maxBatch = Require.positive(maxBatch, "arrival batch size");
        this.workers = IntStream.range(0, workers).mapToObj(i -> Thread.ofPlatform().daemon()
                .name("dedup-arrivals-" + i).start(this::work)).toList();
    }

    /** Decides the arrival, with the others waiting at the same time; blocks until it is decided. */
    public Decision receive(LeadArrival arrival) {
        // refused here, so one lead over a limit never fails the batch it would have joined
        control.admit(Require.nonNull(arrival, "arrival").incoming());
        Waiting w = new Waiting(arrival, new CompletableFuture<>());
        synchronized (this) {
            if (closed) {
                // as when the database is away: nothing was stored, the same request may be sent again
                throw new StorageUnavailableException("duplicate control is shutting down; the lead was not received",
                        null);
            }
            waiting.add(w);
        }
        try {
            return w.decision().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** How many arrivals wait for a worker now. */
    public int waiting() {
        return waiting.size();
    }

    public Counts counts() {
        return new Counts(batches.get(), batchedArrivals.get(), batchesDecidedAgain.get());
    }

    /** Until closed and nothing waits: the poll's timeout only bounds how long closing takes. */
    private void work() {
        while (!closed || !waiting.isEmpty()) {
            List<Waiting> taken = new ArrayList<>();
            try {
                Waiting first = waiting.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
            } catch (InterruptedException e) {
                // only close() ends a worker, once nothing waits: a worker that left early could strand arrivals
                continue;
            }
            waiting.drainTo(taken, maxBatch - 1);
            try {
                Map<TenantId, List<Waiting>> byTenant = new LinkedHashMap<>();
                taken.forEach(w -> byTenant.computeIfAbsent(w.arrival().incoming().tenant(), t -> new ArrayList<>())
                        .add(w));
                byTenant.values().forEach(this::decide);
            } catch (Throwable unexpected) {
                // whatever happened, no arrival taken is left waiting and the worker goes on
                taken.forEach(w -> w.decision().completeExceptionally(unexpected));
            }
        }
    }

    private void decide(List<Waiting> batch) {
        if (batch.size() > 1 && receivesTogether(batch.getFirst())) {
            decideTogether(batch);
        } else {
            batch.forEach(this::decideAlone);
        }
    }

    /** False too when the tenant's settings cannot be read now: each arrival then gets its own answer. */
    private boolean receivesTogether(Waiting w) {
        try {
            return control.receivesTogether(w.arrival().incoming().tenant());
        } catch (RuntimeException | Error e) {
            return false;
        }
    }

    private void decideTogether(List<Waiting> batch) {
        batches.incrementAndGet();
        batchedArrivals.addAndGet(batch.size());
        List<Decision> decisions;
        try {
            decisions = control.receiveTogether(batch.stream().map(Waiting::arrival).toList());
        } catch (StorageUnavailableException e) {
            batch.forEach(w -> w.decision().completeExceptionally(e));
            return;
        } catch (RuntimeException e) {
            // nothing of the batch was stored: each arrival is decided again on its own, with its own outcome
            LOG.log(e instanceof StaleRecordException ? Level.DEBUG : Level.WARNING,
                    "a batch of " + batch.size() + " arrivals failed, decided again one by one: " + e, e);
            batchesDecidedAgain.incrementAndGet();
            batch.forEach(this::decideAlone);
            return;
        } catch (Error e) {
            batch.forEach(w -> w.decision().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).decision().complete(decisions.get(i));
        }
    }

    private void decideAlone(Waiting w) {
        try {
            w.decision().complete(control.receive(w.arrival()));
        } catch (RuntimeException | Error e) {
            w.decision().completeExceptionally(e);
        }
    }

    /** Stops taking arrivals; the workers decide those already waiting, then end. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        boolean interrupted = false;
        for (Thread worker : workers) {
            while (worker.isAlive()) {
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    // the workers still hold database connections: the pool must not close under them
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
