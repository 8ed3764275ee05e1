package org.dedup.core.arrivals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.dedup.domain.control.ArrivalBatches;
import org.dedup.domain.control.ArrivalOutcome;
import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.control.LeadArrival;
import org.dedup.domain.model.Require;
import org.dedup.domain.store.StorageUnavailableException;

/**
 * Incoming leads waiting for a few worker threads. A worker takes every arrival waiting, up to {@code maxBatch}, and
 * hands them to the domain's {@link ArrivalBatches}, which decides those of a tenant together: under load a
 * transaction carries many arrivals and few round trips each. An arrival a worker finds alone waits up to
 * {@code linger} (zero: not at all) for a second one and goes with it, or on its own when none comes: fewer
 * transactions for the same arrivals, each waiting one decided that much later (BENCHMARKS.md, fourteenth pass). The
 * arrivals of a {@link Rehearsal} go the same way and keep nothing.
 */
public final class ArrivalQueue implements AutoCloseable {
    private static final long POLL_MILLIS = 100;
    private final ArrivalBatches batches;
    private final int maxBatch;
    private final long lingerNanos;
    private final Rehearsal rehearsal;
    private final BlockingQueue<Waiting> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> workers;
    private volatile boolean closed;

    private record Waiting(LeadArrival arrival, CompletableFuture<Decision> decision) {
    }

    public ArrivalQueue(DuplicateControl control, int workers, int maxBatch, Duration linger, Rehearsal rehearsal) {
        this.batches = new ArrivalBatches(control);
        this.rehearsal = Require.nonNull(rehearsal, "rehearsal");
        Require.positive(workers, "arrival workers");
        this.maxBatch = Require.positive(maxBatch, "arrival batch size");
        if (linger.isNegative()) {
            throw new IllegalArgumentException("the arrivals' linger must not be negative, was " + linger);
        }
        this.lingerNanos = linger.toNanos();
        this.workers = IntStream.range(0, workers).mapToObj(i -> Thread.ofPlatform().daemon()
                .name("dedup-arrivals-" + i).start(this::work)).toList();
    }

    /** Decides the arrival, with the others waiting at the same time; blocks until it is decided. */
    public Decision receive(LeadArrival arrival) {
        batches.admit(arrival);
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

    public ArrivalBatches.Counts counts() {
        return batches.counts();
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
            if (taken.size() == 1 && maxBatch > 1 && lingerNanos > 0) {
                lingerForASecond(taken);
            }
            var rehearsed = taken.stream().collect(Collectors.partitioningBy(w -> rehearsal.of(w.arrival())));
            decide(rehearsed.get(false), batches::decide);
            decide(rehearsed.get(true), arrivals -> rehearsal.rolledBack(() -> batches.decide(arrivals)));
        }
    }

    private void lingerForASecond(List<Waiting> taken) {
        try {
            Waiting second = waiting.poll(lingerNanos, TimeUnit.NANOSECONDS);
            if (second != null) {
                taken.add(second);
                waiting.drainTo(taken, maxBatch - 2);
            }
        } catch (InterruptedException e) {
            // as in work(): the arrival taken is decided, alone
        }
    }

    private static void decide(List<Waiting> taken, Function<List<LeadArrival>, List<ArrivalOutcome>> decider) {
        if (taken.isEmpty()) {
            return;
        }
        try {
            List<ArrivalOutcome> outcomes = decider.apply(taken.stream().map(Waiting::arrival).toList());
            for (int i = 0; i < taken.size(); i++) {
                complete(taken.get(i).decision(), outcomes.get(i));
            }
        } catch (Throwable unexpected) {
            // whatever happened, no arrival taken is left waiting and the worker goes on
            taken.forEach(w -> w.decision().completeExceptionally(unexpected));
        }
    }

    private static void complete(CompletableFuture<Decision> decision, ArrivalOutcome outcome) {
        switch (outcome) {
            case ArrivalOutcome.Decided decided -> decision.complete(decided.decision());
            case ArrivalOutcome.Failed failed -> decision.completeExceptionally(failed.failure());
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
