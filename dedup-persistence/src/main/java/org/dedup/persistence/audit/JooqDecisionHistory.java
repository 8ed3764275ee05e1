package org.dedup.persistence.audit;

import static org.dedup.persistence.Timestamps.instant;
import static org.dedup.persistence.jooq.Tables.DECISION_LOG;

import java.util.List;
import java.util.Optional;

import org.dedup.domain.audit.DecisionHistory;
import org.dedup.domain.control.Decision;
import org.dedup.domain.model.TenantId;
import org.dedup.persistence.failure.Storage;
import org.dedup.persistence.json.DocumentCodec;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The decision log a page at a time, newest first, by (decided_at, id); outcomes by the kind column, methods by the
 * methods column ({@code ,email,phone,}).
 */
public final class JooqDecisionHistory implements DecisionHistory {
    private final DSLContext dsl;
    private final DocumentCodec codec;

    public JooqDecisionHistory(DSLContext dsl, DocumentCodec codec) {
        this.dsl = dsl;
        this.codec = codec;
    }

    @Override
    public List<Entry> page(TenantId tenant, Query query) {
        Condition filters = DSL.and(
                query.lead().map(l -> DECISION_LOG.LEAD_ID.eq(l.value())).orElse(DSL.noCondition()),
                query.outcomes().isEmpty() ? DSL.noCondition()
                        : DECISION_LOG.KIND.in(query.outcomes().stream().map(Class::getSimpleName).toList()),
                query.methods().isEmpty() ? DSL.noCondition() : DSL.or(query.methods().stream()
                        .map(m -> DECISION_LOG.METHODS.contains("," + m.id() + ",")).toList()));
        return Storage.attempt("read", "a page of the decision log", tenant, () -> dsl
                .select(DECISION_LOG.ID, DECISION_LOG.DECIDED_AT, DECISION_LOG.DOCUMENT, DECISION_LOG.ACTOR)
                .from(DECISION_LOG)
                .where(DECISION_LOG.TENANT_ID.eq(tenant.value()), filters,
                        JooqMergeHistory.window(query.page(), DECISION_LOG.DECIDED_AT, DECISION_LOG.ID))
                .orderBy(DECISION_LOG.DECIDED_AT.desc(), DECISION_LOG.ID.desc())
                .limit(query.page().limit())
                .fetch(r -> new Entry(r.value1(), instant(r.value2()), codec.read(r.value3(), Decision.class),
                        Optional.ofNullable(r.value4()))));
    }
}
