package org.dedup.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.dedup.domain.model.TenantId;
import org.dedup.domain.testing.InMemoryEventOutbox;
import org.dedup.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

class EventDeliveryTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryEventOutbox outbox = new InMemoryEventOutbox();
    private final List<WebhookSender.Outcome> answers = new ArrayList<>();
    private final List<Delivery> sent = new ArrayList<>();
    private final WebhookSender receiver = delivery -> {
        sent.add(delivery);
        return answers.isEmpty() ? new WebhookSender.Accepted() : answers.removeFirst();
    };
    private final EventDelivery delivery = new EventDelivery(outbox, receiver,
            new RetryPolicy(Duration.ofSeconds(5), Duration.ofSeconds(20), 4, Duration.ofMinutes(1)), clock);

    private DomainEvent anEvent() {
        outbox.add(Webhook.of(ACME, "https://crm.example/hooks", "a-secret-of-16-chars", T0));
        DomainEvent event = DomainEvent.of(ACME, T0, new EventData.ScanFinished(UUID.randomUUID(), "done", 3, 0));
        outbox.add(List.of(event));
        return event;
    }

    private void deliverDue() {
        delivery.claimDue(ACME, 10).forEach(delivery::deliver);
    }

    @Test
    void anAcceptedDeliveryIsSentOnce() {
        anEvent();

        deliverDue();
        clock.advance(Duration.ofHours(1));
        deliverDue();

        assertEquals(1, sent.size());
    }

    @Test
    void aFailedDeliveryIsSentAgainAfterItsBackoffUntilAccepted() {
        DomainEvent event = anEvent();
        answers.addAll(List.of(new WebhookSender.Failed("answered 500"), new WebhookSender.Failed("answered 500")));

        deliverDue();
        clock.advance(Duration.ofSeconds(4));
        deliverDue();
        assertEquals(1, sent.size(), "not before the first backoff of 5 s");
        clock.advance(Duration.ofSeconds(1));
        deliverDue();
        clock.advance(Duration.ofSeconds(10));
        deliverDue();
        clock.advance(Duration.ofHours(1));
        deliverDue();

        assertEquals(List.of(1, 2, 3), sent.stream().map(Delivery::attempt).toList());
        assertEquals(List.of(event.id(), event.id(), event.id()), sent.stream().map(Delivery::event).toList(),
                "the same event, by the same id, at every attempt");
    }

    @Test
    void afterTheLastAttemptTheDeliveryIsGivenUp() {
        anEvent();
        for (int i = 0; i < 10; i++) {
            answers.add(new WebhookSender.Failed("connection refused"));
        }

        for (int i = 0; i < 10; i++) {
            deliverDue();
            clock.advance(Duration.ofMinutes(1));
        }

        assertEquals(4, sent.size());
    }
}
