package org.dedup.core.arrivals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.dedup.domain.control.ArrivalBatches;
import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.control.DuplicateControlPorts;
import org.dedup.domain.control.IncomingLead;
import org.dedup.domain.control.LeadArrival;
import org.dedup.domain.control.LeadLimits;
import org.dedup.domain.merge.ConflictMerge;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.ContactRole;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.PipelineStage;
import org.dedup.domain.model.SourceChannel;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.store.KeyLocks;
import org.dedup.domain.store.StorageUnavailableException;
import org.dedup.domain.testing.DuplicateControlFixture;
import org.dedup.matchers.builtin.EmailMatcher;
import org.dedup.matchers.runtime.TimeBudgetMatcherGuard;
import org.dedup.standardization.CreatioCompatibleStandardizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime of arrivals, which a host embedding dedup-core gets without the server: worker threads take every
 * arrival waiting and hand them to the domain together (here on the domain's in-memory ports).
 */
class ArrivalQueueTest {
    private static final TenantId TENANT = new TenantId("arrivals");
    private final TimeBudgetMatcherGuard guard = TimeBudgetMatcherGuard.withDefaultBudget();
    private final DuplicateControlFixture store = new DuplicateControlFixture(new CreatioCompatibleStandardizer(),
            List.of(new EmailMatcher()), guard);
    private final CountDownLatch firstMayGoOn = new CountDownLatch(1);
    private final AtomicBoolean firstLockTaken = new AtomicBoolean();

    ArrivalQueueTest() {
        store.settings.saveSettings(TENANT, DuplicateControlSettings.defaults().withMethods(Set.of(MatchMethod.EMAIL)));
    }

    @AfterEach
    void closeTheGuard() {
        guard.close();
    }

    @Test
    void arrivalsWaitingWhileTheWorkerIsBusyAreTakenAsOneBatch() throws Exception {
        try (ArrivalQueue queue = queue(control(holdingTheFirstLock(), LeadLimits.defaults()), 1, 32);
             ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Decision>> sent = new ArrayList<>(List.of(senders.submit(() -> queue.receive(arrival(1)))));
            awaitFirstLock();
            for (int i = 0; i < 5; i++) {
                sent.add(senders.submit(() -> queue.receive(arrival(1))));
            }
            while (queue.waiting() < 5) {
                Thread.onSpinWait();
            }
            firstMayGoOn.countDown();
            List<Decision> decisions = new ArrayList<>();
            for (Future<Decision> decision : sent) {
                decisions.add(decision.get());
            }

            assertInstanceOf(Decision.Created.class, decisions.getFirst());
            assertEquals(5, decisions.stream().filter(d -> d instanceof Decision.Merged).count());
            assertEquals(new ArrivalBatches.Counts(1, 5, 0), queue.counts());
        }
    }

    @Test
    void anArrivalFoundAloneWaitsForTheLingerAndGoesWithOneThatComesMeanwhile() throws Exception {
        try (ArrivalQueue queue = queue(control(store.transactor, LeadLimits.defaults()), 1, 32,
                Duration.ofSeconds(30));
             ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Decision> first = senders.submit(() -> queue.receive(arrival(1)));
            // the worker takes it within this and lingers; had it not taken it yet, it would take both at once
            Thread.sleep(200);
            Future<Decision> second = senders.submit(() -> queue.receive(arrival(1)));

            assertInstanceOf(Decision.Created.class, first.get());
            assertInstanceOf(Decision.Merged.class, second.get());
            assertEquals(new ArrivalBatches.Counts(1, 2, 0), queue.counts());
        }
    }

    @Test
    void anArrivalAloneIsDecidedAloneOnceTheLingerHasPassed() {
        try (ArrivalQueue queue = queue(control(store.transactor, LeadLimits.defaults()), 1, 32,
                Duration.ofMillis(20))) {
            assertInstanceOf(Decision.Created.class, queue.receive(arrival(1)));
            assertEquals(new ArrivalBatches.Counts(0, 0, 0), queue.counts());
        }
    }

    @Test
    void aClosedQueueRefusesArrivalsAsUnavailable() {
        ArrivalQueue queue = queue(control(store.transactor, LeadLimits.defaults()), 2, 8);
        assertInstanceOf(Decision.Created.class, queue.receive(arrival(1)));
        queue.close();

        assertThrows(StorageUnavailableException.class, () -> queue.receive(arrival(1)));
        assertEquals(1, store.leads.count(TENANT));
    }

    @Test
    void aLeadOverALimitIsRefusedBeforeItWaits() {
        LeadLimits oneEmailPerContact = new LeadLimits(20, 1, 10, 50, 50, 20, 20);
        try (ArrivalQueue queue = queue(control(store.transactor, oneEmailPerContact), 1, 32)) {
            assertThrows(LeadLimits.LimitExceededException.class, () -> queue.receive(arrival(2)));
            assertEquals(0, queue.waiting());
            assertEquals(0, store.leads.count(TENANT));
        }
    }

    /** A queue that decides an arrival found alone at once. */
    private ArrivalQueue queue(DuplicateControl control, int workers, int maxBatch) {
        return queue(control, workers, maxBatch, Duration.ZERO);
    }

    /** A queue whose rehearsal is of another tenant than the test's. */
    private ArrivalQueue queue(DuplicateControl control, int workers, int maxBatch, Duration linger) {
        return new ArrivalQueue(control, workers, maxBatch, linger,
                new Rehearsal(new TenantId("rehearsal"), store.transactor));
    }

    private DuplicateControl control(KeyLocks locks, LeadLimits limits) {
        DuplicateControlPorts ports = new DuplicateControlPorts(store.leads, store.settings, store.decisions,
                store.journal, store.activities, store.activities, store.transactor, locks, store.marks);
        return new DuplicateControl(ports, store.matchers, new ConflictMerge(store.standardizer), Clock.systemUTC(),
                limits);
    }

    /** Key locks that hold the first arrival (and with it the only worker) until the test lets it go on. */
    private KeyLocks holdingTheFirstLock() {
        return (tenant, keys) -> {
            if (!firstLockTaken.getAndSet(true)) {
                try {
                    firstMayGoOn.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            store.transactor.lock(tenant, keys);
        };
    }

    private void awaitFirstLock() {
        while (!firstLockTaken.get()) {
            Thread.onSpinWait();
        }
    }

    /** The same person each time, with {@code emails} addresses. */
    private static LeadArrival arrival(int emails) {
        List<Email> addresses = new ArrayList<>();
        for (int i = 0; i < emails; i++) {
            addresses.add(Email.of(i == 0 ? "jane@x.io" : "jane" + i + "@x.io"));
        }
        Contact jane = new Contact(ContactId.random(), "Jane Roe", List.of(), addresses, Map.of());
        return new LeadArrival(new IncomingLead(TENANT, "Web form", PipelineStage.incoming("sales"),
                SourceChannel.WEB_FORM, Set.of(), List.of(new LinkedContact(jane, ContactRole.PRIMARY)), List.of(),
                Map.of()), Optional.empty());
    }
}
