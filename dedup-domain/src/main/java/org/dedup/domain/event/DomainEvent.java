package org.dedup.domain.event;

import java.time.Instant;
import java.util.UUID;

import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.model.TimeOrderedUuids;

/**
 * Something a tenant's own systems are told through its webhooks. The id is the event's own, the same in every
 * delivery of it (to each webhook, and again after a failed attempt), so a receiver drops the repeats by it.
 */
public record DomainEvent(UUID id, TenantId tenant, Instant at, EventData data) {
    public DomainEvent {
        Require.nonNull(id, "event id");
        Require.nonNull(tenant, "tenant");
        Require.nonNull(at, "event time");
        Require.nonNull(data, "event data");
    }

    /** A new event, with an id of its own. */
    public static DomainEvent of(TenantId tenant, Instant at, EventData data) {
        return new DomainEvent(TimeOrderedUuids.next(), tenant, at, data);
    }
}
