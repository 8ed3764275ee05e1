package org.dedup.domain.control;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
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
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.testing.DuplicateControlFixture;
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
