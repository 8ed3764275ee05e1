package org.dedup.persistence.review;

import static org.dedup.persistence.Timestamps.instant;
import static org.dedup.persistence.Timestamps.time;
import static org.dedup.persistence.jooq.Tables.REVIEW_ITEM;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.dedup.domain.model.RecordRef;
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
import org.dedup.persistence.failure.Storage;
import org.dedup.persistence.jooq.tables.records.ReviewItemRecord;
import org.dedup.persistence.json.DocumentCodec;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Review items, one row each: what the queue filters and orders by as columns, the records, candidate pairs and
 * records as seen as one JSON document. Pages follow (opened_at, id), an index range after the previous page.
 */
public final class JooqReviewStore implements ReviewStore {
    private final DSLContext dsl;
    private final DocumentCodec codec;

    public JooqReviewStore(DSLContext dsl, DocumentCodec codec) {
        this.dsl = dsl;
        this.codec = codec;
    }

    /** What the document column holds. */
    record Document(List<RecordRef> records, List<CandidatePair> pairs, ReviewSnapshot seen) {
    }

    @Override
    public void open(ReviewItem item) {
        Storage.run("open", "review item " + item.id(), item.tenant(), () -> dsl.insertInto(REVIEW_ITEM)
                .set(REVIEW_ITEM.TENANT_ID, item.tenant().value())
                .set(REVIEW_ITEM.ID, item.id())
                .set(REVIEW_ITEM.SOURCE, item.source().name())
                .set(REVIEW_ITEM.SOURCE_ID, item.sourceId())
                .set(REVIEW_ITEM.OPENED_AT, time(item.openedAt()))
                .set(REVIEW_ITEM.STATUS, item.state().status().name())
                .set(REVIEW_ITEM.REVISION, item.revision())
                .set(REVIEW_ITEM.DOCUMENT, codec.write(new Document(item.records(), item.pairs(), item.seen())))
                .onConflictDoNothing()
                .execute());
    }

    @Override
    public Optional<ReviewItem> find(TenantId tenant, UUID id) {
        return Storage.attempt("read", "review item " + id, tenant, () -> dsl.selectFrom(REVIEW_ITEM)
                .where(REVIEW_ITEM.TENANT_ID.eq(tenant.value()), REVIEW_ITEM.ID.eq(id))
                .fetchOptional(this::item));
    }

    @Override
    public Optional<ReviewItem> findBySource(TenantId tenant, ReviewSource source, UUID sourceId) {
        return Storage.attempt("read", "the review item of " + source + " " + sourceId, tenant, () -> dsl
                .selectFrom(REVIEW_ITEM)
                .where(REVIEW_ITEM.TENANT_ID.eq(tenant.value()), REVIEW_ITEM.SOURCE.eq(source.name()),
                        REVIEW_ITEM.SOURCE_ID.eq(sourceId))
                .fetchOptional(this::item));
    }

    @Override
    public List<ReviewItem> page(TenantId tenant, ReviewFilter filter, Optional<ReviewCursor> after, int limit) {
        Condition start = after.map(c -> DSL.row(REVIEW_ITEM.OPENED_AT, REVIEW_ITEM.ID).gt(time(c.openedAt()), c.id()))
                .orElse(DSL.noCondition());
        Condition statuses = filter.statuses().isEmpty() ? DSL.noCondition()
                : REVIEW_ITEM.STATUS.in(filter.statuses().stream().map(Enum::name).toList());
        Condition sources = filter.sources().isEmpty() ? DSL.noCondition()
                : REVIEW_ITEM.SOURCE.in(filter.sources().stream().map(Enum::name).toList());
        return Storage.attempt("read", "a page of the review queue", tenant, () -> dsl.selectFrom(REVIEW_ITEM)
                .where(REVIEW_ITEM.TENANT_ID.eq(tenant.value()), statuses, sources, start)
                .orderBy(REVIEW_ITEM.OPENED_AT, REVIEW_ITEM.ID)
                .limit(limit)
                .fetch(this::item));
    }

    @Override
    public void update(ReviewItem item) {
        ReviewState.Resolved resolved = item.state() instanceof ReviewState.Resolved r ? r : null;
        Storage.run("update", "review item " + item.id(), item.tenant(), () -> dsl.update(REVIEW_ITEM)
                .set(REVIEW_ITEM.STATUS, item.state().status().name())
                .set(REVIEW_ITEM.REVISION, item.revision())
                .set(REVIEW_ITEM.RESOLVED_AT, resolved == null ? null : time(resolved.at()))
                .set(REVIEW_ITEM.RESOLVED_BY, resolved == null ? null : resolved.by())
                .set(REVIEW_ITEM.DETAIL, resolved == null ? null : resolved.detail())
                .set(REVIEW_ITEM.DOCUMENT, codec.write(new Document(item.records(), item.pairs(), item.seen())))
                .where(REVIEW_ITEM.TENANT_ID.eq(item.tenant().value()), REVIEW_ITEM.ID.eq(item.id()))
                .execute());
    }

    @Override
    public Map<UUID, ReviewStatus> sources(TenantId tenant, ReviewSource source) {
        return Storage.attempt("read", "the review items of " + source, tenant, () -> dsl
                .select(REVIEW_ITEM.SOURCE_ID, REVIEW_ITEM.STATUS).from(REVIEW_ITEM)
                .where(REVIEW_ITEM.TENANT_ID.eq(tenant.value()), REVIEW_ITEM.SOURCE.eq(source.name()))
                .fetch().stream()
                .collect(Collectors.toMap(r -> r.value1(), r -> ReviewStatus.valueOf(r.value2()))));
    }

    private ReviewItem item(ReviewItemRecord row) {
        Document document = codec.read(row.getDocument(), Document.class);
        ReviewStatus status = ReviewStatus.valueOf(row.getStatus());
        ReviewState state = status == ReviewStatus.OPEN ? new ReviewState.Open()
                : new ReviewState.Resolved(status, instant(row.getResolvedAt()), row.getResolvedBy(), row.getDetail());
        return new ReviewItem(row.getId(), new TenantId(row.getTenantId()), ReviewSource.valueOf(row.getSource()),
                row.getSourceId(), instant(row.getOpenedAt()), document.records(), document.pairs(),
                row.getRevision(), document.seen(), state);
    }
}
