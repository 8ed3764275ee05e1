package org.dedup.domain.control;

import static org.dedup.domain.testing.LeadBuilder.T0;
import static org.dedup.domain.testing.LeadBuilder.aContact;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.dedup.domain.testing.LeadBuilder.anIncomingLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.control.LeadArrival;
import org.dedup.domain.control.LeadLimits;
import org.dedup.domain.match.Verdict;
import org.dedup.domain.merge.ConflictMerge;
import org.dedup.domain.model.Lead;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.testing.DuplicateControlFixture;
import org.junit.jupiter.api.Test;

/** A key shared by more stored leads than the limit (here 2) is a generic value: never a merge ground on its own. */
class GenericKeysTest {
    private static final String GENERIC = "info@acme.com";
    private final DuplicateControlFixture fixture = new DuplicateControlFixture();
    private final DuplicateControl control = new DuplicateControl(fixture.ports, fixture.matchers,
            new ConflictMerge(fixture.standardizer), fixture.clock, new LeadLimits(20, 10, 10, 50, 50, 20, 2));

    private List<Lead> threeLeadsSharing(String email) {
        fixture.enable(MatchMethod.EMAIL, MatchMethod.PHONE);
        return List.of(fixture.stored(aLead().withEmail(email).withPhone("+44 20 7946 0001").createdAt(T0)),
                fixture.stored(aLead().withEmail(email).createdAt(T0.plus(Duration.ofHours(1)))),
                fixture.stored(aLead().withEmail(email).createdAt(T0.plus(Duration.ofHours(2)))));
    }

    @Test
    void aDuplicateFoundOnlyByAGenericKeyIsLeftForReviewItsExplanationNamingTheKey() {
        threeLeadsSharing(GENERIC);

        Decision decision = control.receive(anIncomingLead().withEmail(GENERIC).incoming());

        assertInstanceOf(Decision.PendingReview.class, decision);
        assertEquals(3, decision.candidates().size());
        assertTrue(decision.candidates().stream().allMatch(c -> c.verdict() == Verdict.POSSIBLE_DUPLICATE
                && c.explanation().stream().anyMatch(line -> line.incomingValue().equals(GENERIC)
                && line.comparison().startsWith("generic key, shared by more than 2 stored leads"))),
                decision.candidates().toString());
    }

    @Test
    void aGenericKeyNeitherGroundsNorBlocksTheMergeAnOrdinaryKeyCallsFor() {
        Lead samePhone = threeLeadsSharing(GENERIC).getFirst();

        Decision decision = control.receive(anIncomingLead().withEmail(GENERIC).withPhone("+44 20 7946 0001")
                .incoming());

        assertEquals(List.of(samePhone.id()), assertInstanceOf(Decision.Merged.class, decision).mergedInto());
    }

    @Test
    void anotherContactsSharedEmailIsNotTheGroundOfAMatchOnTheGenericPrimaryEmail() {
        Lead withColleague = fixture.stored(aLead().withEmail(GENERIC)
                .withSecondaryContact(aContact("Bob Stone", "bob@acme.com", "+44 20 7946 0002")).createdAt(T0));
        threeLeadsSharing(GENERIC);

        Decision decision = control.receive(anIncomingLead().withEmail(GENERIC)
                .withSecondaryContact(aContact("Bob Stone", "bob@acme.com", "+44 20 7946 0003")).incoming());

        assertInstanceOf(Decision.PendingReview.class, decision);
        assertTrue(decision.candidates().stream().filter(c -> c.record().equals(withColleague.id()))
                .allMatch(c -> c.verdict() == Verdict.POSSIBLE_DUPLICATE), decision.candidates().toString());
    }

    @Test
    void aKeySharedByNoMoreLeadsThanTheLimitIsStillAMergeGround() {
        fixture.enable(MatchMethod.EMAIL);
        Lead newest = fixture.stored(aLead().withEmail("ann@x.io").createdAt(T0.plus(Duration.ofHours(1))));
        fixture.stored(aLead().withEmail("ann@x.io").createdAt(T0));

        Decision decision = control.receive(anIncomingLead().withEmail("ann@x.io").incoming());

        assertEquals(List.of(newest.id()), assertInstanceOf(Decision.Merged.class, decision).mergedInto());
    }

    @Test
    void arrivalsReceivedTogetherJudgeGenericKeysAlike() {
        threeLeadsSharing(GENERIC);

        List<Decision> decisions = control.receiveTogether(List.of(
                new LeadArrival(anIncomingLead().withEmail(GENERIC).incoming(), Optional.empty()),
                new LeadArrival(anIncomingLead().withEmail("other@x.io").incoming(), Optional.empty())));

        assertInstanceOf(Decision.PendingReview.class, decisions.getFirst());
    }
}
