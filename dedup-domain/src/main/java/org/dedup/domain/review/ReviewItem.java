package org.dedup.domain.review;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.dedup.domain.control.Decision;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.CandidatePair;
import org.dedup.domain.search.DuplicateGroup;

/**
 * One entry of a tenant's review queue: the records that may be duplicates, every candidate pair with its
 * explanation, where it comes from ({@code sourceId}: the group's id for bulk search), and how it stands.
 * {@code seen} holds the records as they were when the item was last read, {@code revision} counts the reads that
 * found them changed (0: never read), so an action on what a person saw is refused when they changed since.
 */
public record ReviewItem(UUID id, TenantId tenant, ReviewSource source, UUID sourceId, Instant openedAt,
                         List<RecordRef> records, List<CandidatePair> pairs, long revision, ReviewSnapshot seen,
                         ReviewState state) {
    public ReviewItem {
        Require.nonNull(id, "review item id");
        Require.nonNull(tenant, "tenant");
        Require.nonNull(source, "review source");
        Require.nonNull(sourceId, "review source id");
        Require.nonNull(openedAt, "opening time");
        records = Require.copy(records, "review records");
        if (records.size() < 2) {
            throw new IllegalArgumentException("a review item has at least two records, got " + records.size());
        }
        pairs = Require.copy(pairs, "candidate pairs");
        if (revision < 0) {
            throw new IllegalArgumentException("a review item's revision is never negative, was " + revision);
        }
        Require.nonNull(seen, "records as seen");
        Require.nonNull(state, "review state");
    }

    /** The item for a decision that left possible duplicates of its lead (or too many) for a person. */
    public static ReviewItem of(TenantId tenant, ReviewSource source, Decision decision, Instant at) {
        Set<RecordRef> records = new LinkedHashSet<>();
        records.add(decision.lead());
        decision.candidates().forEach(c -> records.add(c.record()));
        List<CandidatePair> pairs = decision.candidates().stream().filter(c -> !c.record().equals(decision.lead()))
                .map(c -> new CandidatePair(decision.lead(), c)).toList();
        UUID id = UUID.randomUUID();
        return new ReviewItem(id, tenant, source, id, at, List.copyOf(records), pairs, 0, ReviewSnapshot.NONE,
                new ReviewState.Open());
    }

    /** The item for a group of bulk search, its pairs explained by the rules that hold for them. */
    public static ReviewItem of(TenantId tenant, DuplicateGroup group, List<CandidatePair> pairs, Instant at) {
        return new ReviewItem(UUID.randomUUID(), tenant, ReviewSource.BULK_SEARCH, group.id(), at, group.members(),
                pairs, 0, ReviewSnapshot.NONE, new ReviewState.Open());
    }

    public boolean isOpen() {
        return state instanceof ReviewState.Open;
    }

    /** The item with its records as now {@code seen}, a revision later when they differ from what was seen before. */
    public ReviewItem seenAs(ReviewSnapshot now) {
        boolean changed = revision == 0 || now.changedSince(seen).isPresent();
        return new ReviewItem(id, tenant, source, sourceId, openedAt, records, pairs,
                changed ? revision + 1 : revision, now, state);
    }

    public ReviewItem resolved(ReviewState.Resolved resolution) {
        return new ReviewItem(id, tenant, source, sourceId, openedAt, records, pairs, revision, seen, resolution);
    }

    /** Where a page of items ordered as the queue is ends after this item. */
    public ReviewCursor cursor() {
        return new ReviewCursor(openedAt, id);
    }
}
