package org.dedup.domain.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dedup.domain.event.Delivery;
import org.dedup.domain.event.DomainEvent;
import org.dedup.domain.event.EventDeliveries;
import org.dedup.domain.event.EventOutbox;
import org.dedup.domain.event.Webhook;
import org.dedup.domain.event.WebhookStore;
import org.dedup.domain.model.TenantId;

/** Webhooks and the outbox in memory; a body holds the event's id, type and attributes (JSON-like, not escaped). */
public final class InMemoryEventOutbox implements EventOutbox, EventDeliveries, WebhookStore {
    private final Map<UUID, Webhook> webhooks = new LinkedHashMap<>();
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final List<DomainEvent> added = new ArrayList<>();

    private record Row(Webhook webhook, DomainEvent event, int attempts, Instant due, boolean failed) {
        Row claimed(Instant until) {
            return new Row(webhook, event, attempts + 1, until, false);
        }
    }

    private static String key(UUID webhook, UUID event) {
        return webhook + "/" + event;
    }

    /** Every event added, in order, whether or not a webhook took it. */
    public synchronized List<DomainEvent> added() {
        return List.copyOf(added);
    }

    @Override
    public synchronized void add(List<DomainEvent> events) {
        added.addAll(events);
        for (DomainEvent event : events) {
            webhooks.values().stream().filter(w -> w.tenant().equals(event.tenant()))
                    .forEach(w -> rows.put(key(w.id(), event.id()), new Row(w, event, 0, event.at(), false)));
        }
    }

    @Override
    public synchronized List<Delivery> claimDue(TenantId tenant, Instant now, Duration lease, int limit) {
        List<Row> due = rows.values().stream().filter(r -> r.event().tenant().equals(tenant) && !r.failed()
                        && !r.due().isAfter(now))
                .sorted(Comparator.comparing(Row::due)).limit(limit).toList();
        List<Delivery> claimed = new ArrayList<>();
        for (Row row : due) {
            Row mine = row.claimed(now.plus(lease));
            rows.put(key(row.webhook().id(), row.event().id()), mine);
            claimed.add(new Delivery(row.event().tenant(), row.webhook().id(), row.event().id(),
                    row.event().data().type(), row.webhook().url(), row.webhook().secret(),
                    "{\"id\": \"" + row.event().id() + "\", \"type\": \"" + row.event().data().type()
                            + "\", \"data\": \"" + row.event().data().attributes() + "\"}",
                    mine.attempts()));
        }
        return claimed;
    }

    @Override
    public synchronized void delivered(Delivery delivery) {
        rows.computeIfPresent(key(delivery.webhook(), delivery.event()),
                (k, row) -> row.attempts() == delivery.attempt() ? null : row);
    }

    @Override
    public synchronized void retryAt(Delivery delivery, Instant at, String error) {
        rows.computeIfPresent(key(delivery.webhook(), delivery.event()), (k, row) -> row.attempts() == delivery.attempt()
                ? new Row(row.webhook(), row.event(), row.attempts(), at, false) : row);
    }

    @Override
    public synchronized void gaveUp(Delivery delivery, Instant at, String error) {
        rows.computeIfPresent(key(delivery.webhook(), delivery.event()), (k, row) -> row.attempts() == delivery.attempt()
                ? new Row(row.webhook(), row.event(), row.attempts(), row.due(), true) : row);
    }

    @Override
    public synchronized void add(Webhook webhook) {
        webhooks.put(webhook.id(), webhook);
    }

    @Override
    public synchronized List<Webhook> list(TenantId tenant) {
        return webhooks.values().stream().filter(w -> w.tenant().equals(tenant)).toList();
    }

    @Override
    public synchronized boolean remove(TenantId tenant, UUID id) {
        Webhook webhook = webhooks.get(id);
        if (webhook == null || !webhook.tenant().equals(tenant)) {
            return false;
        }
        webhooks.remove(id);
        rows.values().removeIf(row -> row.webhook().id().equals(id));
        return true;
    }
}
