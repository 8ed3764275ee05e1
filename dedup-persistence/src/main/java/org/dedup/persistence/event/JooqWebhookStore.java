package org.dedup.persistence.event;

import static org.dedup.persistence.jooq.Tables.WEBHOOK;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.dedup.domain.event.Webhook;
import org.dedup.domain.event.WebhookStore;
import org.dedup.domain.model.TenantId;
import org.dedup.persistence.Timestamps;
import org.dedup.persistence.failure.Storage;
import org.dedup.persistence.jooq.tables.records.WebhookRecord;
import org.jooq.DSLContext;

/** Webhooks, a row each; removing one removes its waiting deliveries with it (the outbox's foreign key cascades). */
public final class JooqWebhookStore implements WebhookStore {
    private final DSLContext dsl;

    public JooqWebhookStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void add(Webhook webhook) {
        Storage.run("add", "webhook " + webhook.id(), webhook.tenant(), () -> dsl.insertInto(WEBHOOK)
                .set(WEBHOOK.TENANT_ID, webhook.tenant().value())
                .set(WEBHOOK.ID, webhook.id())
                .set(WEBHOOK.URL, webhook.url().toString())
                .set(WEBHOOK.SECRET, webhook.secret())
                .set(WEBHOOK.CREATED_AT, Timestamps.time(webhook.created()))
                .execute());
    }

    @Override
    public List<Webhook> list(TenantId tenant) {
        return Storage.attempt("read", "webhooks", tenant, () -> dsl.selectFrom(WEBHOOK)
                .where(WEBHOOK.TENANT_ID.eq(tenant.value()))
                .orderBy(WEBHOOK.CREATED_AT, WEBHOOK.ID)
                .fetch(JooqWebhookStore::webhook));
    }

    @Override
    public boolean remove(TenantId tenant, UUID id) {
        return Storage.attempt("remove", "webhook " + id, tenant, () -> dsl.deleteFrom(WEBHOOK)
                .where(WEBHOOK.TENANT_ID.eq(tenant.value()), WEBHOOK.ID.eq(id)).execute() > 0);
    }

    private static Webhook webhook(WebhookRecord row) {
        return new Webhook(row.getId(), new TenantId(row.getTenantId()), URI.create(row.getUrl()), row.getSecret(),
                Timestamps.instant(row.getCreatedAt()));
    }
}
