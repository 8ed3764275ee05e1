package org.dedup.matchers.builtin;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.anIncomingLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.dedup.domain.control.ArrivalQueue;
import org.dedup.domain.control.Decision;
import org.dedup.domain.control.LeadArrival;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.store.KeyLocks;
import org.dedup.domain.store.StaleRecordException;
import org.dedup.domain.store.StorageUnavailableException;
import org.junit.jupiter.api.Test;

/** Arrivals waiting for the queue's workers are decided in batches, and a failed batch one arrival at a time. */
class ArrivalQueueTest {
    private final DuplicateControlFixture fixture = new DuplicateControlFixture();
    private final CountDownLatch firstMayGoOn = new CountDownLatch(1);
    private final AtomicBoolean firstLockTaken = new AtomicBoolean();

    ArrivalQueueTest() {
        fixture.enable(MatchMethod.EMAIL);
    }

    @Test
    void arrivalsWaitingTogetherAreDecidedInOneBatch() throws Exception {
        try (ArrivalQueue queue = new ArrivalQueue(fixture.controlWithLocks(holdingTheFirstLock(fixture.transactor)),
                1, 32)) {
            List<Decision> decisions = decideWhileTheFirstHoldsTheWorker(queue, 6);

            assertEquals(1, decisions.stream().filter(d -> d instanceof Decision.Created).count());
            assertEquals(5, decisions.stream().filter(d -> d instanceof Decision.Merged).count());
            assertEquals(1, fixture.leads.count(TENANT));
            assertEquals(new ArrivalQueue.Counts(1, 5, 0), queue.counts());
        }
    }

    @Test
    void aBatchThatFailsIsDecidedAgainOneArrivalAtATime() throws Exception {
        AtomicBoolean failedOnce = new AtomicBoolean();
        KeyLocks failingOnceOnALead = (tenant, keys) -> {
            if (keys.stream().anyMatch(k -> k.namespace().equals("lead")) && !failedOnce.getAndSet(true)) {
                throw new StaleRecordException(tenant, LeadId.random(), 0);
            }
            fixture.transactor.lock(tenant, keys);
        };
        try (ArrivalQueue queue = new ArrivalQueue(fixture.controlWithLocks(holdingTheFirstLock(failingOnceOnALead)),
                1, 32)) {
            List<Decision> decisions = decideWhileTheFirstHoldsTheWorker(queue, 4);

            assertEquals(3, decisions.stream().filter(d -> d instanceof Decision.Merged).count());
            assertEquals(1, fixture.leads.count(TENANT));
            assertEquals(new ArrivalQueue.Counts(1, 3, 1), queue.counts());
        }
    }

    @Test
    void aBatchFailingBecauseTheStoreIsUnavailableFailsEachOfItsArrivals() throws Exception {
        AtomicBoolean firstLocked = new AtomicBoolean();
        KeyLocks unavailableAfterTheFirst = (tenant, keys) -> {
            if (firstLocked.getAndSet(true)) {
                throw new StorageUnavailableException("the database is down", null);
            }
            fixture.transactor.lock(tenant, keys);
        };
        try (ArrivalQueue queue = new ArrivalQueue(fixture.controlWithLocks(holdingTheFirstLock(
                unavailableAfterTheFirst)), 1, 32);
             ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Decision> first = senders.submit(() -> queue.receive(arrival()));
            awaitFirstLock();
            List<Future<Decision>> rest = sendWhileTheWorkerIsBusy(queue, senders, 3);
            firstMayGoOn.countDown();

            assertInstanceOf(Decision.Created.class, first.get());
            for (Future<Decision> refused : rest) {
                ExecutionException e = assertThrows(ExecutionException.class, refused::get);
                assertInstanceOf(StorageUnavailableException.class, e.getCause());
            }
            assertEquals(new ArrivalQueue.Counts(1, 3, 0), queue.counts(), "not decided again one by one");
        }
    }

    @Test
    void aClosedQueueRefusesArrivalsAsUnavailable() {
        ArrivalQueue queue = new ArrivalQueue(fixture.control, 2, 8);
        assertInstanceOf(Decision.Created.class, queue.receive(arrival()));
        queue.close();

        assertThrows(StorageUnavailableException.class, () -> queue.receive(arrival()));
        assertEquals(1, fixture.leads.count(TENANT));
    }

    /** Key locks that hold the first arrival (and with it the only worker) until the test lets it go on. */
    private KeyLocks holdingTheFirstLock(KeyLocks locks) {
        return (tenant, keys) -> {
            if (!firstLockTaken.getAndSet(true)) {
                try {
                    firstMayGoOn.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            locks.lock(tenant, keys);
        };
    }

    /** One arrival holds the worker while {@code count - 1} more queue up; all of the same lead. */
    private List<Decision> decideWhileTheFirstHoldsTheWorker(ArrivalQueue queue, int count) throws Exception {
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Decision> first = senders.submit(() -> queue.receive(arrival()));
            awaitFirstLock();
            List<Future<Decision>> all = new ArrayList<>(List.of(first));
            all.addAll(sendWhileTheWorkerIsBusy(queue, senders, count - 1));
            firstMayGoOn.countDown();
            List<Decision> decisions = new ArrayList<>();
            for (Future<Decision> decision : all) {
                decisions.add(decision.get());
            }
            return decisions;
        }
    }

    private List<Future<Decision>> sendWhileTheWorkerIsBusy(ArrivalQueue queue, ExecutorService senders, int count) {
        List<Future<Decision>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sent.add(senders.submit(() -> queue.receive(arrival())));
        }
        while (queue.waiting() < count) {
            Thread.onSpinWait();
        }
        return sent;
    }

    private void awaitFirstLock() {
        while (!firstLockTaken.get()) {
            Thread.onSpinWait();
        }
    }

    private static LeadArrival arrival() {
        return new LeadArrival(anIncomingLead().withEmail("jane@x.io").incoming(), Optional.empty());
    }
}
