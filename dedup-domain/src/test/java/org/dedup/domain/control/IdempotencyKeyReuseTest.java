package org.dedup.domain.control;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.dedup.domain.testing.LeadBuilder.anIncomingLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.dedup.domain.control.ArrivalBatches;
import org.dedup.domain.control.ArrivalOutcome;
import org.dedup.domain.control.Decision;
import org.dedup.domain.control.IdempotencyKey;
import org.dedup.domain.control.IdempotencyKeyReusedException;
import org.dedup.domain.control.LeadArrival;
import org.dedup.domain.control.RequestFingerprint;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.PipelineStage;
import org.dedup.domain.model.SourceChannel;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.testing.DuplicateControlFixture;
import org.dedup.domain.testing.KommoMethods;
import org.junit.jupiter.api.Test;

/** An idempotency key answers retries of its first request only; another request under it is refused. */
class IdempotencyKeyReuseTest {
    private static final IdempotencyKey KEY = new IdempotencyKey("order-42");

    private static LeadArrival person(String email) {
        return LeadArrival.keyed(anIncomingLead().withEmail(email).incoming(), KEY,
                RequestFingerprint.of("{\"email\":\"" + email + "\"}"));
    }

    @Test
    void aKeyReusedWithTheSameRequestReplaysTheFirstDecision() {
        DuplicateControlFixture fixture = new DuplicateControlFixture();
        fixture.enable(MatchMethod.EMAIL);
        Decision first = fixture.control.receive(person("ann@x.io"));

        assertEquals(first, fixture.control.receive(person("ann@x.io")));
        assertEquals(1, fixture.leads.count(TENANT));
        assertEquals(1, fixture.decisions.recent(TENANT, 10).size());
    }

    @Test
    void aRetryOfALeadMergedRightAfterItWasAddedIsAnsweredWithThatMerge() {
        DuplicateControlFixture fixture = new DuplicateControlFixture();
        fixture.enable(KommoMethods.BIG_DATA);
        Lead stored = fixture.stored(aLead().withContactName("Ivan Petrov").inStage(PipelineStage.incoming("sales")));
        LeadArrival ivan = ivanFromAWebForm();

        Decision.Merged first = assertInstanceOf(Decision.Merged.class, fixture.control.receive(ivan));

        assertEquals(MergeTiming.AFTER_ADD, first.timing());
        assertEquals(List.of(stored.id()), first.mergedInto());
        assertEquals(first, fixture.control.receive(ivan));
        assertEquals(List.of(first), fixture.control.receiveTogether(List.of(ivan)));
        assertEquals(1, fixture.leads.count(TENANT));
    }

    @Test
    void aRetryOfALeadReceivedTogetherAndMergedRightAfterItWasAddedIsAnsweredWithThatMerge() {
        DuplicateControlFixture fixture = new DuplicateControlFixture();
        fixture.enable(KommoMethods.BIG_DATA);
        fixture.stored(aLead().withContactName("Ivan Petrov").inStage(PipelineStage.incoming("sales")));
        LeadArrival ivan = ivanFromAWebForm();

        Decision.Merged first = assertInstanceOf(Decision.Merged.class,
                fixture.control.receiveTogether(List.of(ivan)).getFirst());

        assertEquals(MergeTiming.AFTER_ADD, first.timing());
        assertEquals(first, fixture.control.receive(ivan));
        assertEquals(List.of(first), fixture.control.receiveTogether(List.of(ivan)));
        assertEquals(1, fixture.leads.count(TENANT));
    }

    private static LeadArrival ivanFromAWebForm() {
        return LeadArrival.keyed(anIncomingLead().from(SourceChannel.WEB_FORM).withContactName("Ivan Petrov")
                .withEmail("ivan@x.io").incoming(), KEY, RequestFingerprint.of("{\"name\":\"Ivan Petrov\"}"));
    }

    @Test
    void aKeyReusedWithADifferentRequestIsRefusedNamingTheKeyAndStoresNothing() {
        DuplicateControlFixture fixture = new DuplicateControlFixture();
        fixture.enable(MatchMethod.EMAIL);
        fixture.control.receive(person("ann@x.io"));

        IdempotencyKeyReusedException refused = assertThrows(IdempotencyKeyReusedException.class,
                () -> fixture.control.receive(person("bob@x.io")));

        assertTrue(refused.getMessage().contains("'order-42'"), refused.getMessage());
        assertEquals(1, fixture.leads.count(TENANT));
        assertEquals(1, fixture.decisions.recent(TENANT, 10).size());
    }

    @Test
    void aKeyReusedWithADifferentRequestInTheSameBatchFailsTheBatch() {
        DuplicateControlFixture fixture = new DuplicateControlFixture();
        fixture.enable(MatchMethod.EMAIL);

        assertThrows(IdempotencyKeyReusedException.class,
                () -> fixture.control.receiveTogether(List.of(person("ann@x.io"), person("bob@x.io"))));

        assertEquals(0, fixture.leads.count(TENANT), "a failed batch stores nothing; its arrivals go one by one");
    }

    @Test
    void thirtyTwoDifferentPeopleSentWithOneKeyAreNotSilentlyOneLead() {
        DuplicateControlFixture fixture = new DuplicateControlFixture();
        fixture.enable(MatchMethod.EMAIL);
        List<LeadArrival> people = IntStream.range(0, 32).mapToObj(i -> person("p" + i + "@x.io")).toList();

        List<Object> outcomes = new ArrayList<>();
        for (ArrivalOutcome outcome : new ArrivalBatches(fixture.control).decide(people)) {
            outcomes.add(switch (outcome) {
                case ArrivalOutcome.Decided decided -> decided.decision();
                case ArrivalOutcome.Failed failed -> failed.failure();
            });
        }

        assertEquals(1, outcomes.stream().filter(o -> o instanceof Decision).count());
        assertInstanceOf(Decision.Created.class, outcomes.stream().filter(o -> o instanceof Decision).findFirst()
                .orElseThrow());
        assertEquals(31, outcomes.stream().filter(o -> o instanceof IdempotencyKeyReusedException).count());
        assertEquals(1, fixture.leads.count(TENANT));
    }
}
