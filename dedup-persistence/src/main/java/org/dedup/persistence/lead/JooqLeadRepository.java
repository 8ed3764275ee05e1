package org.dedup.persistence.lead;

import static org.dedup.persistence.Timestamps.time;
import static org.dedup.persistence.jooq.Tables.LEAD;
import static org.dedup.persistence.jooq.Tables.LEAD_KEY;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.dedup.domain.control.SearchScope;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.StaleRecordException;
import org.dedup.persistence.failure.Storage;
import org.dedup.persistence.jooq.tables.records.LeadKeyRecord;
import org.dedup.persistence.json.DocumentCodec;
import org.dedup.persistence.keyed.KeyedDocuments;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;

/** Leads as JSON documents in {@code lead}, their match keys in {@code lead_key}; every statement is per tenant. */
public final class JooqLeadRepository implements LeadRepository {
    private static final int PAGE = 1_000;
    private final DSLContext dsl;
    private final DocumentCodec codec;

    public JooqLeadRepository(DSLContext dsl, DocumentCodec codec) {
        this.dsl = dsl;
        this.codec = codec;
    }

    @Override
    public void insert(Lead lead, Set<MatchKey> keys) {
        Storage.run("insert", lead.id(), lead.tenant(), () -> {
            insertRow(lead);
            insertKeys(lead, keys);
        });
    }

    private void insertRow(Lead lead) {
        dsl.insertInto(LEAD)
                .set(LEAD.TENANT_ID, lead.tenant().value())
                .set(LEAD.ID, lead.id().value())
                .set(LEAD.VERSION, lead.version())
                .set(LEAD.PIPELINE, lead.stage().pipeline())
                .set(LEAD.STAGE, lead.stage().stage())
                .set(LEAD.CREATED_AT, time(lead.createdAt()))
                .set(LEAD.UPDATED_AT, time(lead.updatedAt()))
                .set(LEAD.DOCUMENT, codec.write(lead))
                .execute();
    }

    @Override
    public void update(Lead lead, Set<MatchKey> keys) {
        Storage.run("update", lead.id(), lead.tenant(), () -> {
            updateRow(lead);
            deleteKeys(lead.tenant(), lead.id());
            insertKeys(lead, keys);
        });
    }

    private void updateRow(Lead lead) {
        int updated = dsl.update(LEAD)
                .set(LEAD.VERSION, lead.version())
                .set(LEAD.PIPELINE, lead.stage().pipeline())
                .set(LEAD.STAGE, lead.stage().stage())
                .set(LEAD.UPDATED_AT, time(lead.updatedAt()))
                .set(LEAD.DOCUMENT, codec.write(lead))
                .where(LEAD.TENANT_ID.eq(lead.tenant().value()), LEAD.ID.eq(lead.id().value()),
                        LEAD.VERSION.eq(lead.version() - 1))
                .execute();
        if (updated == 0) {
            throw new StaleRecordException(lead.tenant(), lead.id(), lead.version() - 1);
        }
    }

    @Override
    public void delete(TenantId tenant, LeadId id, long expectedVersion) {
        Storage.run("delete", id, tenant, () -> {
            int deleted = dsl.deleteFrom(LEAD)
                    .where(LEAD.TENANT_ID.eq(tenant.value()), LEAD.ID.eq(id.value()), LEAD.VERSION.eq(expectedVersion))
                    .execute();
            if (deleted == 0) {
                throw new StaleRecordException(tenant, id, expectedVersion);
            }
            deleteKeys(tenant, id);
        });
    }

    @Override
    public Optional<Lead> find(TenantId tenant, LeadId id) {
        return Storage.attempt("read", id, tenant, () -> dsl.select(LEAD.DOCUMENT).from(LEAD)
                .where(LEAD.TENANT_ID.eq(tenant.value()), LEAD.ID.eq(id.value()))
                .fetchOptional(LEAD.DOCUMENT).map(this::lead));
    }

    @Override
    public List<Lead> findAll(TenantId tenant, Collection<LeadId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Lead> byId = Storage.attempt("read", ids.size() + " leads", tenant, () -> dsl
                .select(LEAD.ID, LEAD.DOCUMENT).from(LEAD)
                .where(LEAD.TENANT_ID.eq(tenant.value()), LEAD.ID.in(ids.stream().map(LeadId::value).toList()))
                .fetchMap(LEAD.ID, r -> lead(r.value2())));
        return ids.stream().distinct().map(id -> byId.get(id.value())).filter(l -> l != null).toList();
    }

    @Override
    public List<LeadId> findByKeys(TenantId tenant, Collection<MatchKey> keys, SearchScope scope, int limit) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return Storage.attempt("look up leads by", keys, tenant, () -> candidateLookup(tenant, keys, scope, limit)
                .fetch(r -> new LeadId(r.value1())));
    }

    /**
     * The candidate lookup, one statement: the key index gives the lead ids, the lead's primary key its pipeline
     * and stage for the scope filter. Public so the plan can be shown (EXPLAIN) by tests and harnesses.
     */
    public Select<Record1<UUID>> candidateLookup(TenantId tenant, Collection<MatchKey> keys, SearchScope scope,
                                                 int limit) {
        return dsl.selectDistinct(LEAD_KEY.LEAD_ID).from(LEAD_KEY)
                .join(LEAD).on(LEAD.TENANT_ID.eq(LEAD_KEY.TENANT_ID), LEAD.ID.eq(LEAD_KEY.LEAD_ID))
                .where(LEAD_KEY.TENANT_ID.eq(tenant.value()),
                        KeyedDocuments.anyOf(LEAD_KEY.NAMESPACE, LEAD_KEY.KEY_VALUE, keys), inScope(scope))
                .orderBy(LEAD_KEY.LEAD_ID)
                .limit(limit);
    }

    @Override
    public void forEach(TenantId tenant, Consumer<Lead> action) {
        Storage.run("read", "every lead", tenant, () -> forEachPage(tenant, action));
    }

    private void forEachPage(TenantId tenant, Consumer<Lead> action) {
        UUID after = null;
        while (true) {
            Condition page = after == null ? DSL.noCondition() : LEAD.ID.gt(after);
            var rows = dsl.select(LEAD.ID, LEAD.DOCUMENT).from(LEAD).where(LEAD.TENANT_ID.eq(tenant.value()), page)
                    .orderBy(LEAD.ID).limit(PAGE).fetch();
            rows.forEach(r -> action.accept(lead(r.value2())));
            if (rows.size() < PAGE) {
                return;
            }
            after = rows.getLast().value1();
        }
    }

    @Override
    public long count(TenantId tenant) {
        return Storage.attempt("count", "leads", tenant, () -> dsl.fetchCount(LEAD, LEAD.TENANT_ID.eq(tenant.value())));
    }

    private Condition inScope(SearchScope scope) {
        if (scope.isEverything()) {
            return DSL.noCondition();
        }
        return DSL.or(scope.stagesByPipeline().entrySet().stream()
                .map(e -> e.getValue().isEmpty() ? LEAD.PIPELINE.eq(e.getKey())
                        : LEAD.PIPELINE.eq(e.getKey()).and(LEAD.STAGE.in(e.getValue())))
                .toList());
    }

    private void insertKeys(Lead lead, Set<MatchKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<LeadKeyRecord> rows = keys.stream().map(k -> new LeadKeyRecord(lead.tenant().value(), k.namespace(),
                k.value(), lead.id().value())).toList();
        dsl.batchInsert(rows).execute();
    }

    private void deleteKeys(TenantId tenant, LeadId id) {
        dsl.deleteFrom(LEAD_KEY).where(LEAD_KEY.TENANT_ID.eq(tenant.value()), LEAD_KEY.LEAD_ID.eq(id.value()))
                .execute();
    }

    private Lead lead(String document) {
        return codec.read(document, Lead.class);
    }
}
