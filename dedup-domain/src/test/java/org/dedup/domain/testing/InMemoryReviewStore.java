package org.dedup.domain.testing;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.dedup.domain.model.TenantId;
import org.dedup.domain.review.ReviewCursor;
import org.dedup.domain.review.ReviewFilter;
import org.dedup.domain.review.ReviewItem;
import org.dedup.domain.review.ReviewSource;
import org.dedup.domain.review.ReviewStatus;
import org.dedup.domain.review.ReviewStore;

/** Review items in memory. */
public final class InMemoryReviewStore implements ReviewStore {
    private static final Comparator<ReviewItem> ORDER = Comparator.comparing(ReviewItem::openedAt)
            .thenComparing(ReviewItem::id);
    private final Map<UUID, ReviewItem> items = new LinkedHashMap<>();

    @Override
    public synchronized void open(ReviewItem item) {
        if (findBySource(item.tenant(), item.source(), item.sourceId()).isEmpty()) {
            items.putIfAbsent(item.id(), item);
        }
    }

    @Override
    public synchronized Optional<ReviewItem> find(TenantId tenant, UUID id) {
        return Optional.ofNullable(items.get(id)).filter(i -> i.tenant().equals(tenant));
    }

    @Override
    public synchronized Optional<ReviewItem> findBySource(TenantId tenant, ReviewSource source, UUID sourceId) {
        return items.values().stream().filter(i -> i.tenant().equals(tenant) && i.source() == source
                && i.sourceId().equals(sourceId)).findFirst();
    }

    @Override
    public synchronized List<ReviewItem> page(TenantId tenant, ReviewFilter filter, Optional<ReviewCursor> after,
                                              int limit) {
        return items.values().stream().filter(i -> i.tenant().equals(tenant) && filter.takes(i))
                .filter(i -> after.map(c -> ORDER.compare(i, atCursor(i, c)) > 0).orElse(true))
                .sorted(ORDER).limit(limit).toList();
    }

    /** An item placed where the cursor points, to compare by the queue's order. */
    private static ReviewItem atCursor(ReviewItem like, ReviewCursor cursor) {
        return new ReviewItem(cursor.id(), like.tenant(), like.source(), like.sourceId(), cursor.openedAt(),
                like.records(), like.pairs(), like.revision(), like.seen(), like.state());
    }

    @Override
    public synchronized void update(ReviewItem item) {
        items.computeIfPresent(item.id(), (id, stored) -> stored.tenant().equals(item.tenant()) ? item : stored);
    }

    @Override
    public synchronized Map<UUID, ReviewStatus> sources(TenantId tenant, ReviewSource source) {
        return items.values().stream().filter(i -> i.tenant().equals(tenant) && i.source() == source)
                .collect(Collectors.toMap(ReviewItem::sourceId, i -> i.state().status()));
    }
}
