package org.dedup.persistence.control;

import static org.dedup.persistence.Timestamps.instant;
import static org.dedup.persistence.Timestamps.time;
import static org.dedup.persistence.jooq.Tables.DECISION_LOG;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DecisionLog;
import org.dedup.domain.control.IdempotencyKey;
import org.dedup.domain.control.RequestFingerprint;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.model.TimeOrderedUuids;
import org.dedup.persistence.failure.Storage;
import org.dedup.persistence.json.DocumentCodec;
import org.dedup.persistence.statement.ArrayRows;
import org.dedup.persistence.statement.RenderedStatements;
import org.dedup.persistence.statement.RenderedStatements.Binds;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;

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
        insert(new Recording(tenant, Optional.empty(), decision, at));
    }

    @Override
    public void record(TenantId tenant, IdempotencyKey key, Optional<RequestFingerprint> fingerprint,
                       Decision decision, Instant at) {
        insert(new Recording(tenant, Optional.of(key), fingerprint, decision, at));
    }

    private void insert(Recording recording) {
        String subject = recording.key().map(key -> "the decision under idempotency key '" + key.value() + "' on "
                + recording.decision().lead()).orElse("the decision on " + recording.decision().lead());
        // inside a transaction, sent with its commit: a decision is recorded last
        Storage.run("record", subject, recording.tenant(), () -> statements.executeLater("insert",
                v -> insertion(v, recording)));
    }

    /**
     * PostgreSQL: one statement, sent with the commit as {@link #record} sends one; elsewhere one JDBC batch. A single
     * decision as {@link #record} stores it.
     */
    @Override
    public void recordAll(List<Recording> recordings) {
        if (recordings.size() < 2) {
            recordings.forEach(this::insert);
            return;
        }
        // inside a transaction, sent with its commit: decisions are recorded last
        Storage.run("record", recordings.size() + " decisions", recordings.getFirst().tenant(),
                () -> statements.executeAllLater("insert", recordings, v -> insertionAsArrays(v, recordings),
                        this::insertion));
    }

    /** PostgreSQL: the insert of all the recordings, by a statement of one text however many. */
    private Query insertionAsArrays(Binds v, List<Recording> recordings) {
        ArrayRows rows = new ArrayRows("d", List.of(DECISION_LOG.TENANT_ID, DECISION_LOG.ID, DECISION_LOG.DECIDED_AT,
                DECISION_LOG.IDEMPOTENCY_KEY, DECISION_LOG.REQUEST_FINGERPRINT, DECISION_LOG.KIND,
                DECISION_LOG.LEAD_ID, DECISION_LOG.DOCUMENT, DECISION_LOG.ACTOR, DECISION_LOG.METHODS));
        recordings.forEach(r -> rows.add(r.tenant().value(), TimeOrderedUuids.next(), time(r.at()),
                r.key().map(IdempotencyKey::value).orElse(null),
                r.fingerprint().map(RequestFingerprint::value).orElse(null),
                r.decision().getClass().getSimpleName(), r.decision().lead().value(), codec.write(r.decision()),
                r.actor().orElse(null), methods(r.decision()).orElse(null)));
        return dsl.insertInto(DECISION_LOG, DECISION_LOG.TENANT_ID, DECISION_LOG.ID, DECISION_LOG.DECIDED_AT,
                        DECISION_LOG.IDEMPOTENCY_KEY, DECISION_LOG.REQUEST_FINGERPRINT, DECISION_LOG.KIND,
                        DECISION_LOG.LEAD_ID, DECISION_LOG.DOCUMENT, DECISION_LOG.ACTOR, DECISION_LOG.METHODS)
                .select(DSL.select(rows.field(DECISION_LOG.TENANT_ID), rows.field(DECISION_LOG.ID),
                        rows.field(DECISION_LOG.DECIDED_AT), rows.field(DECISION_LOG.IDEMPOTENCY_KEY),
                        rows.field(DECISION_LOG.REQUEST_FINGERPRINT), rows.field(DECISION_LOG.KIND),
                        rows.field(DECISION_LOG.LEAD_ID), rows.field(DECISION_LOG.DOCUMENT),
                        rows.field(DECISION_LOG.ACTOR), rows.field(DECISION_LOG.METHODS)).from(rows.table(v)));
    }

    private Query insertion(Binds v, Recording r) {
        return dsl.insertInto(DECISION_LOG)
                .set(DECISION_LOG.TENANT_ID, v.of(DECISION_LOG.TENANT_ID, r.tenant().value()))
                .set(DECISION_LOG.ID, v.of(DECISION_LOG.ID, TimeOrderedUuids.next()))
                .set(DECISION_LOG.DECIDED_AT, v.of(DECISION_LOG.DECIDED_AT, time(r.at())))
                .set(DECISION_LOG.IDEMPOTENCY_KEY, v.of(DECISION_LOG.IDEMPOTENCY_KEY,
                        r.key().map(IdempotencyKey::value).orElse(null)))
                .set(DECISION_LOG.REQUEST_FINGERPRINT, v.of(DECISION_LOG.REQUEST_FINGERPRINT,
                        r.fingerprint().map(RequestFingerprint::value).orElse(null)))
                .set(DECISION_LOG.KIND, v.of(DECISION_LOG.KIND, r.decision().getClass().getSimpleName()))
                .set(DECISION_LOG.LEAD_ID, v.of(DECISION_LOG.LEAD_ID, r.decision().lead().value()))
                .set(DECISION_LOG.DOCUMENT, v.of(DECISION_LOG.DOCUMENT, codec.write(r.decision())))
                .set(DECISION_LOG.ACTOR, v.of(DECISION_LOG.ACTOR, r.actor().orElse(null)))
                .set(DECISION_LOG.METHODS, v.of(DECISION_LOG.METHODS, methods(r.decision()).orElse(null)));
    }

    /**
     * The methods the decision's candidates were found by (and a merge's own), as {@code ,email,phone,}: the
     * audit's method filter looks for {@code ,<id>,}. Empty when there is none.
     */
    static Optional<String> methods(Decision decision) {
        Set<String> ids = new TreeSet<>();
        decision.candidates().forEach(c -> ids.add(c.method().id()));
        if (decision instanceof Decision.Merged merged) {
            ids.add(merged.method().id());
        }
        return ids.isEmpty() ? Optional.empty() : Optional.of("," + String.join(",", ids) + ",");
    }

    private KeyedDecision keyed(String document, String fingerprint) {
        return new KeyedDecision(codec.read(document, Decision.class),
                Optional.ofNullable(fingerprint).map(RequestFingerprint::new));
    }

    /** One query for all the keys. */
    @Override
    public Map<IdempotencyKey, KeyedDecision> findByIdempotencyKeys(TenantId tenant,
                                                                    Collection<IdempotencyKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<IdempotencyKey> distinct = keys.stream().distinct().toList();
        return Storage.attempt("find the decisions of", distinct.size() + " idempotency keys", tenant, () -> statements
                .fetch(List.of("find by idempotency keys", distinct.size()), v -> dsl
                                .select(DECISION_LOG.IDEMPOTENCY_KEY, DECISION_LOG.DOCUMENT,
                                        DECISION_LOG.REQUEST_FINGERPRINT).from(DECISION_LOG)
                                .where(DECISION_LOG.TENANT_ID.eq(v.of(DECISION_LOG.TENANT_ID, tenant.value())),
                                        DECISION_LOG.IDEMPOTENCY_KEY.in(distinct.stream()
                                                .map(key -> v.of(DECISION_LOG.IDEMPOTENCY_KEY, key.value())).toList())),
                        row -> Map.entry(new IdempotencyKey(row.getString(1)),
                                keyed(row.getString(2), row.getString(3))))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Override
    public Optional<KeyedDecision> findByIdempotencyKey(TenantId tenant, IdempotencyKey key) {
        return Storage.attempt("find the decision of", key, tenant, () -> statements
                .fetch("find by idempotency key", v -> dsl
                                .select(DECISION_LOG.DOCUMENT, DECISION_LOG.REQUEST_FINGERPRINT).from(DECISION_LOG)
                                .where(DECISION_LOG.TENANT_ID.eq(v.of(DECISION_LOG.TENANT_ID, tenant.value())),
                                        DECISION_LOG.IDEMPOTENCY_KEY.eq(v.of(DECISION_LOG.IDEMPOTENCY_KEY, key.value()))),
                        row -> keyed(row.getString(1), row.getString(2)))
                .stream().findFirst());
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
