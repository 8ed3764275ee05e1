package org.dedup.domain.event;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.RecordNotFoundException;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.Transactor;

/** A tenant's webhooks: added (a few per tenant at most, each event is delivered to each), listed, removed. */
public final class Webhooks {
    /** Each event is stored once per webhook: a bound on what one change can write. */
    public static final int MAX_PER_TENANT = 10;
    private final WebhookStore store;
    private final Transactor transactor;
    private final Clock clock;

    public Webhooks(WebhookStore store, Transactor transactor, Clock clock) {
        this.store = store;
        this.transactor = transactor;
        this.clock = clock;
    }

    public Webhook add(TenantId tenant, String url, String secret) {
        // to the microsecond the database keeps, so the webhook answered is the one stored
        Webhook webhook = Webhook.of(tenant, url, secret, clock.instant().truncatedTo(ChronoUnit.MICROS));
        return transactor.inTransaction(() -> {
            if (store.list(tenant).size() >= MAX_PER_TENANT) {
                throw new InvalidRecordException("tenant " + tenant + " has " + MAX_PER_TENANT
                        + " webhooks already, the most it may have; remove one first");
            }
            store.add(webhook);
            return webhook;
        });
    }

    public List<Webhook> list(TenantId tenant) {
        return store.list(tenant);
    }

    /** @throws RecordNotFoundException when the tenant has no such webhook */
    public void remove(TenantId tenant, UUID id) {
        if (!store.remove(tenant, id)) {
            throw new RecordNotFoundException("webhook " + id + " does not exist for this tenant");
        }
    }
}
