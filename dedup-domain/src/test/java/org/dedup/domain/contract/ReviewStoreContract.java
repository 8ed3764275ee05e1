package org.dedup.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.dedup.domain.control.Decision;
import org.dedup.domain.match.FieldMatch;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.Verdict;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.review.ReviewCursor;
import org.dedup.domain.review.ReviewFilter;
import org.dedup.domain.review.ReviewItem;
import org.dedup.domain.review.ReviewSnapshot;
import org.dedup.domain.review.ReviewSource;
import org.dedup.domain.review.ReviewState;
import org.dedup.domain.review.ReviewStatus;
import org.dedup.domain.review.ReviewStore;
import org.dedup.domain.search.CandidatePair;
import org.dedup.domain.search.DuplicateGroup;
import org.dedup.domain.testing.LeadBuilder;
import org.dedup.domain.testing.KommoMethods;
import org.junit.jupiter.api.Test;

/** What every {@link ReviewStore} adapter does. */
public abstract class ReviewStoreContract {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    protected abstract ReviewStore reviews();

    private static TenantId aTenant() {
        return new TenantId("review-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static ReviewItem pending(TenantId tenant, Instant at) {
        LeadId lead = LeadId.random();
        MatchCandidate candidate = new MatchCandidate(LeadId.random(), KommoMethods.BIG_DATA,
                Verdict.POSSIBLE_DUPLICATE, 0.71, List.of(new FieldMatch("name", "Ann Lee", "Anne Lee", "jaro", 0.9)));
        return ReviewItem.of(tenant, ReviewSource.PENDING_REVIEW,
                new Decision.PendingReview(lead, List.of(candidate), List.of()), at);
    }

    @Test
    void anOpenedItemIsFoundWholeByItsTenantOnly() {
        ReviewItem item = pending(aTenant(), T0);

        reviews().open(item);

        assertEquals(Optional.of(item), reviews().find(item.tenant(), item.id()));
        assertTrue(reviews().find(aTenant(), item.id()).isEmpty());
        assertEquals(Optional.of(item), reviews().findBySource(item.tenant(), item.source(), item.sourceId()));
    }

    @Test
    void aSecondItemFromTheSameGroupIsNotStored() {
        TenantId tenant = aTenant();
        DuplicateGroup group = new DuplicateGroup(UUID.randomUUID(), List.of(LeadId.random(), LeadId.random()),
                List.of("email"));
        ReviewItem first = ReviewItem.of(tenant, group, List.of(), T0);

        reviews().open(first);
        reviews().open(ReviewItem.of(tenant, group, List.of(), T0.plusSeconds(1)));

        assertEquals(Map.of(group.id(), ReviewStatus.OPEN), reviews().sources(tenant, ReviewSource.BULK_SEARCH));
        assertEquals(first.id(), reviews().findBySource(tenant, ReviewSource.BULK_SEARCH, group.id())
                .orElseThrow().id());
    }

    @Test
    void anUpdateStoresTheStateRevisionAndRecordsAsSeen() {
        ReviewItem item = pending(aTenant(), T0);
        reviews().open(item);
        ReviewItem seen = item.seenAs(new ReviewSnapshot(List.of(LeadBuilder.aLead().in(item.tenant())
                .build()), List.of(), List.of()));
        ReviewItem resolved = seen.resolved(new ReviewState.Resolved(ReviewStatus.MERGED, T0.plusSeconds(60),
                "maria", "merge 1"));

        reviews().update(resolved);

        assertEquals(Optional.of(resolved), reviews().find(item.tenant(), item.id()));
        assertEquals(Map.of(item.sourceId(), ReviewStatus.MERGED),
                reviews().sources(item.tenant(), ReviewSource.PENDING_REVIEW));
    }

    @Test
    void pagesFollowOpeningTimeWithNoItemTwiceOrSkippedWhenItemsAreOpenedBetweenPages() {
        TenantId tenant = aTenant();
        Set<UUID> opened = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            ReviewItem item = pending(tenant, T0.plusSeconds(i % 3));
            reviews().open(item);
            opened.add(item.id());
        }
        List<UUID> read = new ArrayList<>();
        Optional<ReviewCursor> after = Optional.empty();
        int pages = 0;
        do {
            List<ReviewItem> page = reviews().page(tenant, ReviewFilter.open(), after, 3);
            page.forEach(i -> read.add(i.id()));
            after = page.size() < 3 ? Optional.empty() : Optional.of(page.getLast().cursor());
            if (pages++ == 0) {
                ReviewItem later = pending(tenant, T0.plusSeconds(10));
                reviews().open(later);
                opened.add(later.id());
            }
        } while (after.isPresent() && pages < 20);

        assertEquals(read.size(), new HashSet<>(read).size(), "no item twice");
        assertEquals(opened, new HashSet<>(read), "no item skipped");
    }

    @Test
    void aPageTakesOnlyTheFilteredStatusesAndSources() {
        TenantId tenant = aTenant();
        ReviewItem open = pending(tenant, T0);
        ReviewItem dismissed = pending(tenant, T0.plusSeconds(1));
        reviews().open(open);
        reviews().open(dismissed);
        reviews().update(dismissed.resolved(new ReviewState.Resolved(ReviewStatus.DISMISSED, T0, "maria", "")));

        assertEquals(List.of(open.id()), ids(reviews().page(tenant, ReviewFilter.open(), Optional.empty(), 10)));
        assertEquals(List.of(dismissed.id()), ids(reviews().page(tenant,
                new ReviewFilter(Set.of(ReviewStatus.DISMISSED), Set.of()), Optional.empty(), 10)));
        assertEquals(List.of(), ids(reviews().page(tenant,
                new ReviewFilter(Set.of(), Set.of(ReviewSource.BULK_SEARCH)), Optional.empty(), 10)));
        assertEquals(List.of(), ids(reviews().page(aTenant(), new ReviewFilter(Set.of(), Set.of()),
                Optional.empty(), 10)), "another tenant's queue");
    }

    @Test
    void pairsKeepTheirExplanations() {
        ReviewItem item = pending(aTenant(), T0);
        reviews().open(item);

        CandidatePair pair = reviews().find(item.tenant(), item.id()).orElseThrow().pairs().getFirst();

        assertEquals(item.pairs().getFirst(), pair);
        assertEquals("jaro", pair.match().explanation().getFirst().comparison());
    }

    private static List<UUID> ids(List<ReviewItem> items) {
        return items.stream().map(ReviewItem::id).toList();
    }
}
