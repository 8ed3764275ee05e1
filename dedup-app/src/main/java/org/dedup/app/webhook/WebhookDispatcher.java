package org.dedup.app.webhook;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.dedup.domain.event.Delivery;
import org.dedup.domain.event.EventDelivery;
import org.dedup.domain.model.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox from this server: every poll interval it claims the due deliveries of each tenant it serves
 * (every statement is one tenant's), a batch at a time, and sends the batch at once (a virtual thread each, so one slow receiver does not hold the others up). Every server
 * on the database runs one; claims keep them from sending one attempt twice, and a server that dies leaves its
 * claimed deliveries to the others once their lease ran out.
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 32;
    private final EventDelivery delivery;
    private final List<TenantId> tenants;
    private final long pollIntervalMillis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("dedup-webhooks").daemon().factory());
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();

    public WebhookDispatcher(EventDelivery delivery, List<TenantId> tenants, long pollIntervalMillis) {
        this.delivery = delivery;
        this.tenants = List.copyOf(tenants);
        this.pollIntervalMillis = pollIntervalMillis;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::deliverDue, 0, pollIntervalMillis, TimeUnit.MILLISECONDS);
    }

    /** One round: for each tenant, batches of its due deliveries until fewer than a batch are due. */
    private void deliverDue() {
        try {
            for (TenantId tenant : tenants) {
                List<Delivery> due;
                do {
                    due = delivery.claimDue(tenant, BATCH);
                    senders.invokeAll(due.stream().map(this::sending).toList());
                } while (due.size() == BATCH);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the database is unavailable, say: the next round tries again, and nothing claimed is lost
            LOG.warn("webhook deliveries could not be taken: {}", e.getMessage());
        }
    }

    private Callable<Void> sending(Delivery claimed) {
        return () -> {
            try {
                delivery.deliver(claimed);
            } catch (RuntimeException e) {
                LOG.warn("the outcome of {} could not be stored, it is sent again after its lease: {}", claimed,
                        e.getMessage());
            }
            return null;
        };
    }

    @Override
    public void close() {
        timer.shutdownNow();
        senders.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
