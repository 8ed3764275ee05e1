package org.dedup.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.dedup.domain.event.Delivery;
import org.dedup.domain.event.DomainEvent;
import org.dedup.domain.event.EventData;
import org.dedup.domain.event.EventDeliveries;
import org.dedup.domain.event.EventOutbox;
import org.dedup.domain.event.Webhook;
import org.dedup.domain.event.WebhookStore;
import org.dedup.domain.model.TenantId;
import org.junit.jupiter.api.Test;

/**
 * What every outbox adapter does ({@link EventOutbox}, {@link EventDeliveries} and {@link WebhookStore} over one
 * store). Deliveries are claimed across tenants, so each test looks only at its own tenant's.
 */
public abstract class EventOutboxContract {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final int ALL = 1_000;

    protected abstract EventOutbox outbox();

    protected abstract EventDeliveries deliveries();

    protected abstract WebhookStore webhooks();

    private static TenantId aTenant() {
        return new TenantId("events-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private Webhook webhookOf(TenantId tenant, String url) {
        Webhook webhook = Webhook.of(tenant, url, "a-secret-of-16-chars", T0);
        webhooks().add(webhook);
        return webhook;
    }

    private static DomainEvent scanFinished(TenantId tenant) {
        return DomainEvent.of(tenant, T0, new EventData.ScanFinished(UUID.randomUUID(), "done", 10, 2));
    }

    private List<Delivery> claimed(TenantId tenant, Instant at) {
        return deliveries().claimDue(tenant, at, LEASE, ALL);
    }

    @Test
    void aTenantsClaimLeavesAnotherTenantsDueDeliveriesUnclaimed() {
        TenantId tenant = aTenant();
        TenantId other = aTenant();
        webhookOf(tenant, "https://crm.example/hooks/mine");
        webhookOf(other, "https://crm.example/hooks/theirs");
        outbox().add(List.of(scanFinished(tenant), scanFinished(other)));

        List<Delivery> mine = claimed(tenant, T0);

        assertEquals(1, mine.size(), mine.toString());
        assertEquals(tenant, mine.getFirst().tenant());
        List<Delivery> theirs = claimed(other, T0);
        assertEquals(1, theirs.size(), "still due, its first attempt: " + theirs);
        assertEquals(1, theirs.getFirst().attempt());
    }

    @Test
    void webhooksAreListedForTheirTenantOnlyAndRemoved() {
        TenantId tenant = aTenant();
        Webhook first = webhookOf(tenant, "https://crm.example/hooks/1");
        Webhook second = webhookOf(tenant, "http://127.0.0.1:9000/hooks");
        webhookOf(aTenant(), "https://other.example/");

        assertEquals(Set.of(first, second), Set.copyOf(webhooks().list(tenant)));
        assertTrue(webhooks().remove(tenant, first.id()));
        assertFalse(webhooks().remove(tenant, first.id()), "removed already");
        assertFalse(webhooks().remove(aTenant(), second.id()), "another tenant's");
        assertEquals(List.of(second), webhooks().list(tenant));
    }

    @Test
    void anEventGoesToEveryWebhookOfItsTenantWithItsIdAndBody() {
        TenantId tenant = aTenant();
        Webhook one = webhookOf(tenant, "https://crm.example/one");
        Webhook two = webhookOf(tenant, "https://crm.example/two");
        webhookOf(aTenant(), "https://other.example/");
        DomainEvent event = scanFinished(tenant);

        outbox().add(List.of(event));

        List<Delivery> deliveries = claimed(tenant, T0);
        assertEquals(Set.of(one.id(), two.id()), deliveries.stream().map(Delivery::webhook).collect(Collectors.toSet()));
        for (Delivery delivery : deliveries) {
            assertEquals(event.id(), delivery.event());
            assertEquals("scan.finished", delivery.type());
            assertEquals(1, delivery.attempt());
            assertEquals("a-secret-of-16-chars", delivery.secret());
            assertTrue(delivery.body().contains(event.id().toString()) && delivery.body().contains("\"scan.finished\""),
                    delivery.body());
        }
        assertEquals(deliveries.get(0).body(), deliveries.get(1).body(), "one body, the same for every webhook");
    }

    @Test
    void aTenantWithoutWebhooksKeepsNothing() {
        TenantId tenant = aTenant();

        outbox().add(List.of(scanFinished(tenant)));
        webhookOf(tenant, "https://crm.example/late");

        assertEquals(List.of(), claimed(tenant, T0.plusSeconds(60)), "a later webhook gets later events only");
    }

    @Test
    void aClaimedDeliveryIsDueAgainOnlyWhenItsLeaseRanOut() {
        TenantId tenant = aTenant();
        webhookOf(tenant, "https://crm.example/");
        outbox().add(List.of(scanFinished(tenant)));

        assertEquals(1, claimed(tenant, T0).size());
        assertEquals(List.of(), claimed(tenant, T0.plus(LEASE).minusSeconds(1)), "still leased");
        List<Delivery> again = claimed(tenant, T0.plus(LEASE));

        assertEquals(1, again.size(), "its dispatcher is taken to have died");
        assertEquals(2, again.getFirst().attempt());
    }

    @Test
    void aDeliveredEventIsGone() {
        TenantId tenant = aTenant();
        webhookOf(tenant, "https://crm.example/");
        outbox().add(List.of(scanFinished(tenant)));

        deliveries().delivered(claimed(tenant, T0).getFirst());

        assertEquals(List.of(), claimed(tenant, T0.plus(LEASE).plus(LEASE)));
    }

    @Test
    void aFailedAttemptIsDueAgainAtItsRetryTimeAndAGivenUpOneNever() {
        TenantId tenant = aTenant();
        webhookOf(tenant, "https://crm.example/");
        outbox().add(List.of(scanFinished(tenant), scanFinished(tenant)));
        List<Delivery> first = claimed(tenant, T0);

        deliveries().retryAt(first.get(0), T0.plusSeconds(5), "answered 500");
        deliveries().gaveUp(first.get(1), T0.plusSeconds(1), "answered 500");

        List<Delivery> retried = claimed(tenant, T0.plusSeconds(5));
        assertEquals(1, retried.size());
        assertEquals(first.get(0).event(), retried.getFirst().event());
        assertEquals(2, retried.getFirst().attempt());
        deliveries().retryAt(retried.getFirst(), T0.plusSeconds(10), "timed out");
        assertEquals(1, claimed(tenant, T0.plus(Duration.ofDays(365))).size(), "the given-up one is never due");
    }

    @Test
    void removingAWebhookRemovesItsWaitingDeliveries() {
        TenantId tenant = aTenant();
        Webhook removed = webhookOf(tenant, "https://crm.example/old");
        Webhook kept = webhookOf(tenant, "https://crm.example/new");
        outbox().add(List.of(scanFinished(tenant)));

        webhooks().remove(tenant, removed.id());

        assertEquals(List.of(kept.id()), claimed(tenant, T0).stream().map(Delivery::webhook).toList());
    }
}
