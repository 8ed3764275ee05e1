package org.dedup.persistence.search;

import static org.dedup.persistence.jooq.Tables.NOT_DUPLICATE;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.NotDuplicateStore;
import org.dedup.domain.search.RecordPair;
import org.dedup.persistence.failure.Storage;
import org.dedup.persistence.jooq.tables.records.NotDuplicateRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Pairs marked "not a duplicate", one row per pair in its canonical order; marking twice keeps one row. Pages
 * follow the primary key, so each page is an index range after the previous page's last pair.
 */
public final class JooqNotDuplicateStore implements NotDuplicateStore {
    private final DSLContext dsl;

    public JooqNotDuplicateStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void mark(TenantId tenant, RecordPair pair) {
        Storage.run("mark as not duplicate", pair, tenant, () -> dsl.insertInto(NOT_DUPLICATE)
                .set(NOT_DUPLICATE.TENANT_ID, tenant.value())
                .set(NOT_DUPLICATE.FIRST_KIND, pair.first().kind().name())
                .set(NOT_DUPLICATE.FIRST_ID, pair.first().value())
                .set(NOT_DUPLICATE.SECOND_KIND, pair.second().kind().name())
                .set(NOT_DUPLICATE.SECOND_ID, pair.second().value())
                .onConflictDoNothing()
                .execute());
    }

    @Override
    public boolean unmark(TenantId tenant, RecordPair pair) {
        return Storage.attempt("remove the not-duplicate mark", pair, tenant, () -> dsl.deleteFrom(NOT_DUPLICATE)
                .where(NOT_DUPLICATE.TENANT_ID.eq(tenant.value()), is(pair)).execute() > 0);
    }

    @Override
    public Set<RecordPair> all(TenantId tenant) {
        return Storage.attempt("read", "not-duplicate pairs", tenant, () -> dsl.selectFrom(NOT_DUPLICATE)
                .where(NOT_DUPLICATE.TENANT_ID.eq(tenant.value()))
                .fetch(JooqNotDuplicateStore::pair)
                .stream().collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    public Set<RecordRef> markedWith(TenantId tenant, RecordRef record) {
        return Storage.attempt("read the not-duplicate marks of", record, tenant, () -> dsl.selectFrom(NOT_DUPLICATE)
                .where(NOT_DUPLICATE.TENANT_ID.eq(tenant.value()),
                        NOT_DUPLICATE.FIRST_KIND.eq(record.kind().name()), NOT_DUPLICATE.FIRST_ID.eq(record.value()))
                .unionAll(dsl.selectFrom(NOT_DUPLICATE).where(NOT_DUPLICATE.TENANT_ID.eq(tenant.value()),
                        NOT_DUPLICATE.SECOND_KIND.eq(record.kind().name()), NOT_DUPLICATE.SECOND_ID.eq(record.value())))
                .fetch(row -> pair(row).other(record))
                .stream().collect(Collectors.toUnmodifiableSet()));
    }

    @Override
    public List<RecordPair> page(TenantId tenant, Optional<RecordPair> after, int limit) {
        Condition start = after.map(pair -> DSL.row(NOT_DUPLICATE.FIRST_KIND, NOT_DUPLICATE.FIRST_ID,
                        NOT_DUPLICATE.SECOND_KIND, NOT_DUPLICATE.SECOND_ID)
                .gt(pair.first().kind().name(), pair.first().value(), pair.second().kind().name(),
                        pair.second().value()))
                .orElse(DSL.noCondition());
        return Storage.attempt("read", "a page of not-duplicate pairs", tenant, () -> dsl.selectFrom(NOT_DUPLICATE)
                .where(NOT_DUPLICATE.TENANT_ID.eq(tenant.value()), start)
                .orderBy(NOT_DUPLICATE.FIRST_KIND, NOT_DUPLICATE.FIRST_ID, NOT_DUPLICATE.SECOND_KIND,
                        NOT_DUPLICATE.SECOND_ID)
                .limit(limit)
                .fetch(JooqNotDuplicateStore::pair));
    }

    private static Condition is(RecordPair pair) {
        return NOT_DUPLICATE.FIRST_KIND.eq(pair.first().kind().name())
                .and(NOT_DUPLICATE.FIRST_ID.eq(pair.first().value()))
                .and(NOT_DUPLICATE.SECOND_KIND.eq(pair.second().kind().name()))
                .and(NOT_DUPLICATE.SECOND_ID.eq(pair.second().value()));
    }

    private static RecordPair pair(NotDuplicateRecord row) {
        return new RecordPair(ref(row.getFirstKind(), row.getFirstId()), ref(row.getSecondKind(), row.getSecondId()));
    }

    private static RecordRef ref(String kind, UUID id) {
        return RecordRef.of(RecordKind.valueOf(kind), id);
    }
}
