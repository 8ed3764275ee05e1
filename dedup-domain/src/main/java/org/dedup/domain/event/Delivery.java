package org.dedup.domain.event;

import java.net.URI;
import java.util.UUID;

import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;

/**
 * One event on its way to one webhook, as a dispatcher claimed it: the body to POST (the same bytes at every
 * attempt), where to and with which secret to sign it, and which attempt this is (1 for the first).
 */
public record Delivery(TenantId tenant, UUID webhook, UUID event, String type, URI url, String secret, String body,
                       int attempt) {
    public Delivery {
        Require.nonNull(tenant, "tenant");
        Require.nonNull(webhook, "webhook id");
        Require.nonNull(event, "event id");
        Require.nonBlank(type, "event type");
        Require.nonNull(url, "url");
        Require.nonNull(secret, "secret");
        Require.nonBlank(body, "body");
        Require.positive(attempt, "attempt");
    }

    @Override
    public String toString() {
        // never the secret or the body
        return "event " + event + " (" + type + ") to webhook " + webhook + " of tenant " + tenant + ", attempt "
                + attempt;
    }
}
