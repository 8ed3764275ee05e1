package org.dedup.domain.control;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.StaleRecordException;
import org.dedup.domain.store.StorageUnavailableException;

/**
 * Arrivals taken at the same time decided in batches: those of a tenant together
 * ({@link DuplicateControl#receiveTogether}), so that under load a transaction carries many arrivals and few round
 * trips each, while an arrival taken alone is decided on its own. A batch that fails (a lead it merges into changed
 * concurrently, a write refused) is decided again one arrival at a time, so each gets its own outcome; one failing
 * because the store is unavailable fails all of them. The queue and the threads that take the arrivals
 * belong to the runtime (dedup-app's {@code ArrivalQueue}); this starts none and may be called from several at once.
 */
public final class ArrivalBatches {
    private static final System.Logger LOG = System.getLogger(ArrivalBatches.class.getName());
    private final DuplicateControl control;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong batchedArrivals = new AtomicLong();
    private final AtomicLong batchesDecidedAgain = new AtomicLong();

    /** How the arrivals were decided so far: in batches of two or more, and how many batches failed and were split. */
    public record Counts(long batches, long batchedArrivals, long batchesDecidedAgain) {
    }

    public ArrivalBatches(DuplicateControl control) {
        this.control = Require.nonNull(control, "duplicate control");
    }

    /**
     * Refuses an arrival over the {@link LeadLimits} before it waits, so one lead over a limit never fails the batch
     * it would have joined.
     *
     * @throws LeadLimits.LimitExceededException naming the limit
     */
    public void admit(LeadArrival arrival) {
        control.admit(Require.nonNull(arrival, "arrival").incoming());
    }

    /** Decides the arrivals taken together; the outcome of each, in their order. */
    public List<ArrivalOutcome> decide(List<LeadArrival> taken) {
        ArrivalOutcome[] outcomes = new ArrivalOutcome[taken.size()];
        Map<TenantId, List<Integer>> byTenant = new LinkedHashMap<>();
        for (int i = 0; i < taken.size(); i++) {
            byTenant.computeIfAbsent(taken.get(i).incoming().tenant(), t -> new ArrayList<>()).add(i);
        }
        byTenant.values().forEach(batch -> decide(taken, batch, outcomes));
        return Arrays.asList(outcomes);
    }

    public Counts counts() {
        return new Counts(batches.get(), batchedArrivals.get(), batchesDecidedAgain.get());
    }

    private void decide(List<LeadArrival> taken, List<Integer> batch, ArrivalOutcome[] outcomes) {
        if (batch.size() > 1) {
            decideTogether(taken, batch, outcomes);
        } else {
            batch.forEach(i -> outcomes[i] = decideAlone(taken.get(i)));
        }
    }

    private void decideTogether(List<LeadArrival> taken, List<Integer> batch, ArrivalOutcome[] outcomes) {
        batches.incrementAndGet();
        batchedArrivals.addAndGet(batch.size());
        List<Decision> decisions;
        try {
            decisions = control.receiveTogether(batch.stream().map(taken::get).toList());
        } catch (StorageUnavailableException | Error e) {
            batch.forEach(i -> outcomes[i] = new ArrivalOutcome.Failed(e));
            return;
        } catch (RuntimeException e) {
            // nothing of the batch was stored: each arrival is decided again on its own, with its own outcome
            LOG.log(e instanceof StaleRecordException ? Level.DEBUG : Level.WARNING,
                    "a batch of " + batch.size() + " arrivals failed, decided again one by one: " + e, e);
            batchesDecidedAgain.incrementAndGet();
            batch.forEach(i -> outcomes[i] = decideAlone(taken.get(i)));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            outcomes[batch.get(i)] = new ArrivalOutcome.Decided(decisions.get(i));
        }
    }

    private ArrivalOutcome decideAlone(LeadArrival arrival) {
        try {
            return new ArrivalOutcome.Decided(control.receive(arrival));
        } catch (RuntimeException | Error e) {
            return new ArrivalOutcome.Failed(e);
        }
    }
}
