package org.dedup.domain.control;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.anIncomingLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.dedup.domain.control.ArrivalBatches;
import org.dedup.domain.control.ArrivalOutcome;
import org.dedup.domain.control.Decision;
import org.dedup.domain.control.LeadArrival;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.store.KeyLocks;
import org.dedup.domain.store.StaleRecordException;
import org.dedup.domain.store.StorageUnavailableException;
import org.dedup.domain.testing.DuplicateControlFixture;
import org.junit.jupiter.api.Test;

/** Arrivals taken together are decided in batches, and a failed batch one arrival at a time. */
class ArrivalBatchesTest {
    private final DuplicateControlFixture fixture = new DuplicateControlFixture();

    ArrivalBatchesTest() {
        fixture.enable(MatchMethod.EMAIL);
    }

    @Test
    void arrivalsTakenTogetherAreDecidedInOneBatch() {
        ArrivalBatches batches = new ArrivalBatches(fixture.control);

        List<Decision> decisions = decided(batches, 6);

        assertEquals(1, decisions.stream().filter(d -> d instanceof Decision.Created).count());
        assertEquals(5, decisions.stream().filter(d -> d instanceof Decision.Merged).count());
        assertEquals(1, fixture.leads.count(TENANT));
        assertEquals(new ArrivalBatches.Counts(1, 5, 0), batches.counts());
    }

    @Test
    void aBatchThatFailsIsDecidedAgainOneArrivalAtATime() {
        AtomicBoolean failedOnce = new AtomicBoolean();
        KeyLocks failingOnceOnALead = (tenant, keys) -> {
            if (keys.stream().anyMatch(k -> k.namespace().equals("lead")) && !failedOnce.getAndSet(true)) {
                throw new StaleRecordException(tenant, LeadId.random(), 0);
            }
            fixture.transactor.lock(tenant, keys);
        };
        ArrivalBatches batches = new ArrivalBatches(fixture.controlWithLocks(failingOnceOnALead));

        List<Decision> decisions = decided(batches, 4);

        assertEquals(3, decisions.stream().filter(d -> d instanceof Decision.Merged).count());
        assertEquals(1, fixture.leads.count(TENANT));
        assertEquals(new ArrivalBatches.Counts(1, 3, 1), batches.counts());
    }

    @Test
    void aBatchFailingBecauseTheStoreIsUnavailableFailsEachOfItsArrivals() {
        AtomicBoolean firstLocked = new AtomicBoolean();
        KeyLocks unavailableAfterTheFirst = (tenant, keys) -> {
            if (firstLocked.getAndSet(true)) {
                throw new StorageUnavailableException("the database is down", null);
            }
            fixture.transactor.lock(tenant, keys);
        };
        ArrivalBatches batches = new ArrivalBatches(fixture.controlWithLocks(unavailableAfterTheFirst));

        assertInstanceOf(Decision.Created.class, decidedAlone(batches));
        List<ArrivalOutcome> rest = batches.decide(arrivals(3));

        for (ArrivalOutcome refused : rest) {
            assertInstanceOf(StorageUnavailableException.class,
                    assertInstanceOf(ArrivalOutcome.Failed.class, refused).failure());
        }
        assertEquals(new ArrivalBatches.Counts(1, 3, 0), batches.counts(), "not decided again one by one");
    }

    /** One arrival taken alone, then {@code count - 1} more taken together; all of the same lead. */
    private static List<Decision> decided(ArrivalBatches batches, int count) {
        List<Decision> decisions = new ArrayList<>(List.of(decidedAlone(batches)));
        batches.decide(arrivals(count - 1))
                .forEach(o -> decisions.add(assertInstanceOf(ArrivalOutcome.Decided.class, o).decision()));
        return decisions;
    }

    private static Decision decidedAlone(ArrivalBatches batches) {
        return assertInstanceOf(ArrivalOutcome.Decided.class, batches.decide(List.of(arrival())).getFirst())
                .decision();
    }

    private static List<LeadArrival> arrivals(int count) {
        return Stream.generate(ArrivalBatchesTest::arrival).limit(count).toList();
    }

    private static LeadArrival arrival() {
        return new LeadArrival(anIncomingLead().withEmail("jane@x.io").incoming(), Optional.empty());
    }
}
