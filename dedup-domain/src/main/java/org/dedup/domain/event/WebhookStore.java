package org.dedup.domain.event;

import java.util.List;
import java.util.UUID;

import org.dedup.domain.model.TenantId;

/** Port: the tenants' webhooks. */
public interface WebhookStore {

    void add(Webhook webhook);

    /** The tenant's webhooks, oldest first. */
    List<Webhook> list(TenantId tenant);

    /** Removes a webhook with the deliveries still waiting for it; false when the tenant has no such webhook. */
    boolean remove(TenantId tenant, UUID id);
}
