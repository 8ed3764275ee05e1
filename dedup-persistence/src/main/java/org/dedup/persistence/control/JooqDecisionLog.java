package org.dedup.persistence.control;

import static org.dedup.persistence.Timestamps.instant;
import static org.dedup.persistence.Timestamps.time;
import static org.dedup.persistence.jooq.Tables.DECISION_LOG;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DecisionLog;
import org.dedup.domain.control.IdempotencyKey;
import org.dedup.domain.model.TenantId;
import org.dedup.persistence.failure.Storage;
import org.dedup.persistence.json.DocumentCodec;
import org.dedup.persistence.statement.RenderedStatements;
import org.dedup.persistence.statement.RenderedStatements.Binds;
import org.jooq.DSLContext;
import org.jooq.Query;

/** Every decision with its idempotency key, unique per tenant. */
public final class JooqDecisionLog implements DecisionLog {
    private final DSLContext dsl;
    private final DocumentCodec codec;
    private final RenderedStatements statements;

    public JooqDecisionLog(DSLContext dsl, DocumentCodec codec) {
        this.dsl = dsl;
        this.codec = codec;
        this.statements = new RenderedStatements(dsl);
    }

    @Override
    public void record(TenantId tenant, Decision decision, Instant at) {
        insert(tenant, null, decision, at);
    }

    @Override
    public void record(TenantId tenant, IdempotencyKey key, Decision decision, Instant at) {
        insert(tenant, key.value(), decision, at);
    }

    private void insert(TenantId tenant, String key, Decision decision, Instant at) {
        String subject = key == null ? "the decision on " + decision.lead()
                : "the decision under idempotency key '" + key + "' on " + decision.lead();
        Storage.run("record", subject, tenant, () -> statements.execute("insert",
                v -> insertion(v, tenant, key, decision, at)));
    }

    /** One JDBC batch: one round trip on PostgreSQL; a single decision as {@link #record} stores it. */
    @Override
    public void recordAll(List<Recording> recordings) {
        if (recordings.size() < 2) {
            DecisionLog.super.recordAll(recordings);
            return;
        }
        Storage.run("record", recordings.size() + " decisions", recordings.getFirst().tenant(),
                () -> statements.executeBatch("insert", recordings, (v, r) -> insertion(v, r.tenant(),
                        r.key().map(IdempotencyKey::value).orElse(null), r.decision(), r.at())));
    }

    private Query insertion(Binds v, TenantId tenant, String key, Decision decision, Instant at) {
        return dsl.insertInto(DECISION_LOG)
                .set(DECISION_LOG.TENANT_ID, v.of(DECISION_LOG.TENANT_ID, tenant.value()))
                .set(DECISION_LOG.ID, v.of(DECISION_LOG.ID, UUID.randomUUID()))
                .set(DECISION_LOG.DECIDED_AT, v.of(DECISION_LOG.DECIDED_AT, time(at)))
                .set(DECISION_LOG.IDEMPOTENCY_KEY, v.of(DECISION_LOG.IDEMPOTENCY_KEY, key))
                .set(DECISION_LOG.KIND, v.of(DECISION_LOG.KIND, decision.getClass().getSimpleName()))
                .set(DECISION_LOG.LEAD_ID, v.of(DECISION_LOG.LEAD_ID, decision.lead().value()))
                .set(DECISION_LOG.DOCUMENT, v.of(DECISION_LOG.DOCUMENT, codec.write(decision)));
    }

    /** One query for all the keys. */
    @Override
    public Map<IdempotencyKey, Decision> findByIdempotencyKeys(TenantId tenant, Collection<IdempotencyKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<IdempotencyKey> distinct = keys.stream().distinct().toList();
        return Storage.attempt("find the decisions of", distinct.size() + " idempotency keys", tenant, () -> statements
                .fetch(List.of("find by idempotency keys", distinct.size()), v -> dsl
                                .select(DECISION_LOG.IDEMPOTENCY_KEY, DECISION_LOG.DOCUMENT).from(DECISION_LOG)
                                .where(DECISION_LOG.TENANT_ID.eq(v.of(DECISION_LOG.TENANT_ID, tenant.value())),
                                        DECISION_LOG.IDEMPOTENCY_KEY.in(distinct.stream()
                                                .map(key -> v.of(DECISION_LOG.IDEMPOTENCY_KEY, key.value())).toList())),
                        row -> Map.entry(new IdempotencyKey(row.getString(1)), row.getString(2)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, e -> codec.read(e.getValue(), Decision.class))));
    }

    @Override
    public Optional<Decision> findByIdempotencyKey(TenantId tenant, IdempotencyKey key) {
        return Storage.attempt("find the decision of", key, tenant, () -> statements
                .fetch("find by idempotency key", v -> dsl.select(DECISION_LOG.DOCUMENT).from(DECISION_LOG)
                        .where(DECISION_LOG.TENANT_ID.eq(v.of(DECISION_LOG.TENANT_ID, tenant.value())),
                                DECISION_LOG.IDEMPOTENCY_KEY.eq(v.of(DECISION_LOG.IDEMPOTENCY_KEY, key.value()))),
                        row -> row.getString(1))
                .stream().findFirst().map(d -> codec.read(d, Decision.class)));
    }

    @Override
    public List<LoggedDecision> recent(TenantId tenant, int limit) {
        return Storage.attempt("read", "recent decisions", tenant, () -> dsl
                .select(DECISION_LOG.DOCUMENT, DECISION_LOG.DECIDED_AT).from(DECISION_LOG)
                .where(DECISION_LOG.TENANT_ID.eq(tenant.value()))
                .orderBy(DECISION_LOG.DECIDED_AT.desc()).limit(limit)
                .fetch(r -> new LoggedDecision(tenant, codec.read(r.value1(), Decision.class), instant(r.value2()))));
    }
}
