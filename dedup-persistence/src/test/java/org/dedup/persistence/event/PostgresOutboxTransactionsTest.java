package org.dedup.persistence.event;

import static org.dedup.domain.testing.LeadBuilder.T0;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.dedup.domain.event.Delivery;
import org.dedup.domain.event.DomainEvent;
import org.dedup.domain.event.EventData;
import org.dedup.domain.event.PublishingMergeJournal;
import org.dedup.domain.event.Webhook;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.MergeJournalEntry;
import org.dedup.domain.merge.MergeKind;
import org.dedup.domain.merge.MergeState;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.Transactor;
import org.dedup.persistence.Database;
import org.dedup.persistence.JooqAdapters;
import org.dedup.persistence.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Events are written by the transaction of their change on PostgreSQL: one rolled back tells nothing. */
class PostgresOutboxTransactionsTest {
    private static String schema;
    private static Database database;
    private final JooqAdapters adapters = database.adapters();
    private final JooqEventOutbox outbox = adapters.outbox();
    private final Transactor transactor = adapters.transactor();
    private final TenantId tenant = new TenantId("tx-" + UUID.randomUUID().toString().substring(0, 8));

    @BeforeAll
    static void open() {
        schema = TestDatabases.createSchema("outbox_tx");
        database = TestDatabases.postgres(schema, 4);
    }

    @AfterAll
    static void close() {
        database.close();
        TestDatabases.dropSchema(schema);
    }

    private List<Delivery> due() {
        return outbox.claimDue(tenant, T0.plus(Duration.ofDays(1)), Duration.ofMinutes(1), 1_000);
    }

    private void aWebhook() {
        adapters.webhooks().add(Webhook.of(tenant, "https://crm.example/hooks", "a-secret-of-16-chars", T0));
    }

    @Test
    void anEventAddedByATransactionThatRollsBackIsNeverDelivered() {
        aWebhook();

        assertThrows(IllegalStateException.class, () -> transactor.inTransaction(() -> {
            outbox.add(List.of(DomainEvent.of(tenant, T0, new EventData.ScanFinished(UUID.randomUUID(), "done", 1, 0))));
            throw new IllegalStateException("the change failed");
        }));

        assertEquals(List.of(), due());
    }

    @Test
    void aMergeTellsOfItselfOnlyWhenItsTransactionCommits() {
        aWebhook();
        PublishingMergeJournal journal = new PublishingMergeJournal(adapters.journal(), outbox, transactor,
                Clock.fixed(T0, ZoneOffset.UTC));

        assertThrows(IllegalStateException.class, () -> transactor.inTransaction(() -> {
            journal.append(aMerge());
            throw new IllegalStateException("the merge failed after its journal entry");
        }));
        MergeJournalEntry committed = aMerge();
        transactor.inTransaction(() -> {
            journal.append(committed);
            return null;
        });

        List<Delivery> due = due();
        assertEquals(1, due.size());
        assertEquals("lead.merged", due.getFirst().type());
        assertEquals(true, due.getFirst().body().contains(committed.id().value().toString()), due.getFirst().body());
    }

    private MergeJournalEntry aMerge() {
        Lead survivor = aLead().in(tenant).withEmail("j@x.io").build();
        return new MergeJournalEntry(MergeId.random(), tenant, T0, MergeKind.MANUAL, survivor, survivor.touched(T0),
                List.of(aLead().in(tenant).withEmail("k@x.io").build()), List.of(), List.of(), List.of(),
                MergeState.APPLIED);
    }
}
