package org.dedup.persistence.search;

import static org.dedup.persistence.jooq.Tables.NOT_DUPLICATE;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.NotDuplicateStore;
import org.dedup.domain.search.RecordPair;
import org.dedup.persistence.failure.Storage;
import org.jooq.DSLContext;

/** Pairs marked "not a duplicate", one row per pair in its canonical order; marking twice keeps one row. */
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
    public Set<RecordPair> all(TenantId tenant) {
        return Storage.attempt("read", "not-duplicate pairs", tenant, () -> dsl.selectFrom(NOT_DUPLICATE)
                .where(NOT_DUPLICATE.TENANT_ID.eq(tenant.value()))
                .fetch(r -> new RecordPair(ref(r.getFirstKind(), r.getFirstId()), ref(r.getSecondKind(), r.getSecondId())))
                .stream().collect(Collectors.toUnmodifiableSet()));
    }

    private static RecordRef ref(String kind, UUID id) {
        return RecordRef.of(RecordKind.valueOf(kind), id);
    }
}
