package org.dedup.domain.review;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.dedup.domain.model.TenantId;

/** Port: the review queue of each tenant, stored durably; every call reaches one tenant's items only. */
public interface ReviewStore {

    /**
     * Stores a new item, joining the caller's transaction; when the tenant already has an item from the same
     * source and source id, that one is kept and {@code item} is not stored.
     */
    void open(ReviewItem item);

    Optional<ReviewItem> find(TenantId tenant, UUID id);

    /** The tenant's item from {@code source} with {@code sourceId}, if one was opened. */
    Optional<ReviewItem> findBySource(TenantId tenant, ReviewSource source, UUID sourceId);

    /**
     * The items {@code filter} takes, ordered by opening time then id, those after {@code after} only, at most
     * {@code limit}.
     */
    List<ReviewItem> page(TenantId tenant, ReviewFilter filter, Optional<ReviewCursor> after, int limit);

    /** Replaces the revision, the records as seen and the state of a stored item; its other values never change. */
    void update(ReviewItem item);

    /** The source ids of every item the tenant has from {@code source}, each with its item's status. */
    Map<UUID, ReviewStatus> sources(TenantId tenant, ReviewSource source);
}
