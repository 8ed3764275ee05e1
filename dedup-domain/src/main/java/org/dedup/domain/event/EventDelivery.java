package org.dedup.domain.event;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;

import org.dedup.domain.model.TenantId;

/**
 * Delivers the outbox at least once: claims due deliveries, sends each, removes it once accepted, and otherwise
 * schedules its next attempt by the {@link RetryPolicy} or, after the last, keeps it as given up. The caller runs
 * it (a dispatcher thread per server); it starts no threads itself.
 */
public final class EventDelivery {
    private static final System.Logger LOG = System.getLogger(EventDelivery.class.getName());
    private final EventDeliveries deliveries;
    private final WebhookSender sender;
    private final RetryPolicy policy;
    private final Clock clock;

    public EventDelivery(EventDeliveries deliveries, WebhookSender sender, RetryPolicy policy, Clock clock) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.policy = policy;
        this.clock = clock;
    }

    /** Claims up to {@code limit} of the tenant's due deliveries for this dispatcher. */
    public List<Delivery> claimDue(TenantId tenant, int limit) {
        return deliveries.claimDue(tenant, clock.instant(), policy.lease(), limit);
    }

    /** Sends one claimed delivery and stores how it went. */
    public void deliver(Delivery delivery) {
        switch (sender.send(delivery)) {
            case WebhookSender.Accepted accepted -> deliveries.delivered(delivery);
            case WebhookSender.Failed failed -> policy.retryAfter(delivery.attempt(), clock.instant()).ifPresentOrElse(
                    at -> {
                        LOG.log(Level.DEBUG, "{0} failed ({1}), next attempt at {2}", delivery, failed.reason(), at);
                        deliveries.retryAt(delivery, at, failed.reason());
                    },
                    () -> {
                        LOG.log(Level.WARNING, "{0} failed ({1}): the last attempt, given up", delivery,
                                failed.reason());
                        deliveries.gaveUp(delivery, clock.instant(), failed.reason());
                    });
        }
    }
}
