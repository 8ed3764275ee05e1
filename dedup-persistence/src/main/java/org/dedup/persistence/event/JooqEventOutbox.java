package org.dedup.persistence.event;

import static org.dedup.persistence.jooq.Tables.EVENT_OUTBOX;
import static org.dedup.persistence.jooq.Tables.WEBHOOK;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dedup.domain.event.Delivery;
import org.dedup.domain.event.DomainEvent;
import org.dedup.domain.event.EventDeliveries;
import org.dedup.domain.event.EventOutbox;
import org.dedup.domain.model.TenantId;
import org.dedup.persistence.Timestamps;
import org.dedup.persistence.failure.Storage;
import org.dedup.persistence.json.DocumentCodec;
import org.dedup.persistence.statement.ArrayRows;
import org.dedup.persistence.statement.RenderedStatements;
import org.dedup.persistence.statement.RenderedStatements.Binds;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * The outbox table, a row per event and webhook. An event is added by one insert-select over the tenant's webhooks
 * (a tenant with none stores nothing), rendered once and sent as a JDBC batch, since merges add events on the
 * arrivals' hot path. Dispatchers claim due rows optimistically: a row is theirs when the update that counts the
 * attempt and pushes it a lease ahead finds it with the attempts they read, so two never send one attempt.
 */
public final class JooqEventOutbox implements EventOutbox, EventDeliveries {
    private static final int MAX_ERROR = 1_000;
    private final DSLContext dsl;
    private final DocumentCodec codec;
    private final RenderedStatements statements;

    public JooqEventOutbox(DSLContext dsl, DocumentCodec codec) {
        this.dsl = dsl;
        this.codec = codec;
        this.statements = new RenderedStatements(dsl);
    }

    @Override
    public void add(List<DomainEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        // one event (a merge's) goes with the transaction's next statement or its commit
        Storage.run("add", events.size() + " event(s) to the outbox", events.getFirst().tenant(),
                () -> {
                    if (events.size() == 1) {
                        statements.executeLater("add event", v -> insertion(v, events.getFirst()));
                    } else {
                        statements.executeAllLater("add event", events, v -> insertionAsArrays(v, events),
                                this::insertion);
                    }
                });
    }

    private Query insertion(Binds v, DomainEvent event) {
        OffsetDateTime at = Timestamps.time(event.at());
        return dsl.insertInto(EVENT_OUTBOX, EVENT_OUTBOX.TENANT_ID, EVENT_OUTBOX.WEBHOOK_ID, EVENT_OUTBOX.EVENT_ID,
                        EVENT_OUTBOX.EVENT_TYPE, EVENT_OUTBOX.BODY, EVENT_OUTBOX.CREATED_AT, EVENT_OUTBOX.ATTEMPTS,
                        EVENT_OUTBOX.NEXT_ATTEMPT_AT)
                .select(DSL.select(WEBHOOK.TENANT_ID, WEBHOOK.ID, v.of(EVENT_OUTBOX.EVENT_ID, event.id()),
                                v.of(EVENT_OUTBOX.EVENT_TYPE, event.data().type()),
                                v.of(EVENT_OUTBOX.BODY, body(event)), v.of(EVENT_OUTBOX.CREATED_AT, at),
                                v.of(EVENT_OUTBOX.ATTEMPTS, 0), v.of(EVENT_OUTBOX.NEXT_ATTEMPT_AT, at))
                        .from(WEBHOOK)
                        .where(WEBHOOK.TENANT_ID.eq(v.of(WEBHOOK.TENANT_ID, event.tenant().value()))));
    }

    /** PostgreSQL: the events, each for every webhook of its tenant, by a statement of one text however many. */
    private Query insertionAsArrays(Binds v, List<DomainEvent> events) {
        ArrayRows rows = new ArrayRows("e", List.of(EVENT_OUTBOX.TENANT_ID, EVENT_OUTBOX.EVENT_ID,
                EVENT_OUTBOX.EVENT_TYPE, EVENT_OUTBOX.BODY, EVENT_OUTBOX.CREATED_AT));
        events.forEach(event -> rows.add(event.tenant().value(), event.id(), event.data().type(), body(event),
                Timestamps.time(event.at())));
        return dsl.insertInto(EVENT_OUTBOX, EVENT_OUTBOX.TENANT_ID, EVENT_OUTBOX.WEBHOOK_ID, EVENT_OUTBOX.EVENT_ID,
                        EVENT_OUTBOX.EVENT_TYPE, EVENT_OUTBOX.BODY, EVENT_OUTBOX.CREATED_AT, EVENT_OUTBOX.ATTEMPTS,
                        EVENT_OUTBOX.NEXT_ATTEMPT_AT)
                .select(DSL.select(WEBHOOK.TENANT_ID, WEBHOOK.ID, rows.field(EVENT_OUTBOX.EVENT_ID),
                                rows.field(EVENT_OUTBOX.EVENT_TYPE), rows.field(EVENT_OUTBOX.BODY),
                                rows.field(EVENT_OUTBOX.CREATED_AT), DSL.inline(0),
                                rows.field(EVENT_OUTBOX.CREATED_AT))
                        .from(WEBHOOK).join(rows.table(v))
                        .on(WEBHOOK.TENANT_ID.eq(rows.field(EVENT_OUTBOX.TENANT_ID))));
    }

    /** What a receiver gets: the event's id, type, tenant and time, and its data. */
    private String body(DomainEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.id().toString());
        body.put("type", event.data().type());
        body.put("tenant", event.tenant().value());
        body.put("occurredAt", event.at().toString());
        body.put("data", event.data().attributes());
        return codec.write(body);
    }

    @Override
    public List<Delivery> claimDue(TenantId tenant, Instant now, Duration lease, int limit) {
        try {
            List<Delivery> claimed = new ArrayList<>();
            for (Record row : dsl.select(EVENT_OUTBOX.TENANT_ID, EVENT_OUTBOX.WEBHOOK_ID, EVENT_OUTBOX.EVENT_ID,
                            EVENT_OUTBOX.EVENT_TYPE, EVENT_OUTBOX.BODY, EVENT_OUTBOX.ATTEMPTS, WEBHOOK.URL, WEBHOOK.SECRET)
                    .from(EVENT_OUTBOX)
                    .join(WEBHOOK).on(WEBHOOK.TENANT_ID.eq(EVENT_OUTBOX.TENANT_ID), WEBHOOK.ID.eq(EVENT_OUTBOX.WEBHOOK_ID))
                    .where(EVENT_OUTBOX.TENANT_ID.eq(tenant.value()), EVENT_OUTBOX.FAILED_AT.isNull(),
                            EVENT_OUTBOX.NEXT_ATTEMPT_AT.le(Timestamps.time(now)))
                    .orderBy(EVENT_OUTBOX.NEXT_ATTEMPT_AT)
                    .limit(limit)
                    .fetch()) {
                int attempts = row.get(EVENT_OUTBOX.ATTEMPTS);
                Delivery delivery = new Delivery(new TenantId(row.get(EVENT_OUTBOX.TENANT_ID)),
                        row.get(EVENT_OUTBOX.WEBHOOK_ID), row.get(EVENT_OUTBOX.EVENT_ID), row.get(EVENT_OUTBOX.EVENT_TYPE),
                        URI.create(row.get(WEBHOOK.URL)), row.get(WEBHOOK.SECRET), row.get(EVENT_OUTBOX.BODY),
                        attempts + 1);
                boolean mine = dsl.update(EVENT_OUTBOX)
                        .set(EVENT_OUTBOX.ATTEMPTS, attempts + 1)
                        .set(EVENT_OUTBOX.NEXT_ATTEMPT_AT, Timestamps.time(now.plus(lease)))
                        .where(is(delivery), EVENT_OUTBOX.ATTEMPTS.eq(attempts), EVENT_OUTBOX.FAILED_AT.isNull())
                        .execute() == 1;
                if (mine) {
                    claimed.add(delivery);
                }
            }
            return claimed;
        } catch (DataAccessException e) {
            throw Storage.translated("could not claim the due event deliveries of tenant " + tenant, e);
        }
    }

    @Override
    public void delivered(Delivery delivery) {
        Storage.run("remove the delivered", delivery, delivery.tenant(), () -> dsl.deleteFrom(EVENT_OUTBOX)
                .where(is(delivery), EVENT_OUTBOX.ATTEMPTS.eq(delivery.attempt()))
                .execute());
    }

    @Override
    public void retryAt(Delivery delivery, Instant at, String error) {
        Storage.run("schedule the next attempt of", delivery, delivery.tenant(), () -> dsl.update(EVENT_OUTBOX)
                .set(EVENT_OUTBOX.NEXT_ATTEMPT_AT, Timestamps.time(at))
                .set(EVENT_OUTBOX.LAST_ERROR, abbreviated(error))
                .where(is(delivery), EVENT_OUTBOX.ATTEMPTS.eq(delivery.attempt()))
                .execute());
    }

    @Override
    public void gaveUp(Delivery delivery, Instant at, String error) {
        Storage.run("give up", delivery, delivery.tenant(), () -> dsl.update(EVENT_OUTBOX)
                .set(EVENT_OUTBOX.FAILED_AT, Timestamps.time(at))
                .set(EVENT_OUTBOX.LAST_ERROR, abbreviated(error))
                .where(is(delivery), EVENT_OUTBOX.ATTEMPTS.eq(delivery.attempt()))
                .execute());
    }

    private static Condition is(Delivery delivery) {
        return EVENT_OUTBOX.TENANT_ID.eq(delivery.tenant().value()).and(EVENT_OUTBOX.WEBHOOK_ID.eq(delivery.webhook()))
                .and(EVENT_OUTBOX.EVENT_ID.eq(delivery.event()));
    }

    private static String abbreviated(String error) {
        return error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
