package org.dedup.domain.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dedup.domain.control.Decision;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.Verdict;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.testing.LeadBuilder;
import org.junit.jupiter.api.Test;

class ReviewSnapshotTest {
    private final Lead lead = LeadBuilder.aLead().withEmail("ann@x.io").build();
    private final Contact contact = new Contact(ContactId.random(), "Ann Lee", List.of(), List.of(), Map.of());

    @Test
    void aLeadHasChangedWhenItsVersionHas() {
        ReviewSnapshot then = new ReviewSnapshot(List.of(lead), List.of(), List.of());
        ReviewSnapshot now = new ReviewSnapshot(List.of(lead.withVersion(lead.version() + 1, Instant.now())),
                List.of(), List.of());

        assertEquals(Optional.of(lead.id()), now.changedSince(then));
        assertEquals(Optional.empty(), then.changedSince(then));
    }

    @Test
    void aContactHasChangedWhenItsValuesHave() {
        ReviewSnapshot then = new ReviewSnapshot(List.of(), List.of(contact), List.of());
        ReviewSnapshot now = new ReviewSnapshot(List.of(), List.of(new Contact(contact.id(), "Ann Lee-Smith",
                List.of(), List.of(), Map.of())), List.of());

        assertEquals(Optional.of(contact.id()), now.changedSince(then));
    }

    @Test
    void aRecordNoLongerStoredIsMissing() {
        ReviewSnapshot now = new ReviewSnapshot(List.of(lead), List.of(), List.of());

        assertEquals(Optional.of(contact.id()), now.missing(List.of(lead.id(), contact.id())));
        assertEquals(Optional.empty(), now.missing(List.of(lead.id())));
    }

    @Test
    void anItemReadForTheFirstTimeOrWithChangedRecordsGetsTheNextRevision() {
        ReviewItem item = ReviewItem.of(lead.tenant(), ReviewSource.PENDING_REVIEW,
                new Decision.PendingReview(lead.id(), List.of(new MatchCandidate(LeadId.random(), MatchMethod.EMAIL,
                        Verdict.POSSIBLE_DUPLICATE, 0.5, List.of())), List.of()), Instant.now());
        ReviewSnapshot seen = new ReviewSnapshot(List.of(lead), List.of(), List.of());

        ReviewItem first = item.seenAs(seen);

        assertEquals(1, first.revision());
        assertEquals(1, first.seenAs(seen).revision(), "unchanged");
        assertEquals(2, first.seenAs(new ReviewSnapshot(List.of(lead.withVersion(lead.version() + 1,
                Instant.now())), List.of(), List.of())).revision());
    }
}
