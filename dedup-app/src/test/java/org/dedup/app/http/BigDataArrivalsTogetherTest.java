package org.dedup.app.http;

import static org.dedup.domain.testing.LeadBuilder.anIncomingLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.dedup.app.DedupApplication;
import org.dedup.app.config.DatabaseConfig;
import org.dedup.app.config.DedupConfig;
import org.dedup.app.config.TenantConfig;
import org.dedup.domain.control.Decision;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.control.IdempotencyKey;
import org.dedup.domain.control.LeadArrival;
import org.dedup.domain.control.MergeTiming;
import org.dedup.domain.control.RequestFingerprint;
import org.dedup.domain.model.PipelineStage;
import org.dedup.domain.model.SourceChannel;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.testing.LeadBuilder;
import org.dedup.testing.TestPostgres;

/**
 * Arrivals of a tenant with the shipped BIG DATA model decided together on PostgreSQL: the check right after each
 * lead was added runs in the batch, with the real key locks, key lookups and writes, and a retry gets its answer from
 * the decisions stored.
 */
class BigDataArrivalsTogetherTest {
    private static final TenantId ACME = new TenantId("acme");
    private final String schema = TestPostgres.createSchema("bigdata_together");
    private DedupApplication app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        TestPostgres.dropSchema(schema);
    }

    @Test
    void aLeadReceivedTogetherIsMergedByBigDataRightAfterItWasAdded() {
        DuplicateControl control = started();
        Decision stored = control.receive(ivan().withEmail("ivan@petrov.example").incoming());

        List<Decision> decisions = control.receiveTogether(List.of(
                new LeadArrival(ivan().withEmail("i.petrov@mail.example").incoming(), Optional.empty()),
                new LeadArrival(anIncomingLead().in(ACME).withContactName("Olga Smirnova")
                        .withEmail("olga@smirnova.example").incoming(), Optional.empty())));

        Decision.Merged merged = assertInstanceOf(Decision.Merged.class, decisions.get(0), decisions.toString());
        assertEquals(MergeTiming.AFTER_ADD, merged.timing());
        assertEquals(List.of(stored.lead()), merged.mergedInto());
        assertInstanceOf(Decision.Created.class, decisions.get(1));
        assertEquals(2, app.get(LeadRepository.class).count(ACME));
    }

    @Test
    void aRetryOfALeadMergedByBigDataRightAfterItWasAddedIsAnsweredWithThatMergeAgain() {
        DuplicateControl control = started();
        control.receive(ivan().withEmail("ivan@petrov.example").incoming());
        LeadArrival retried = LeadArrival.keyed(ivan().withEmail("i.petrov@mail.example").incoming(),
                new IdempotencyKey("form-7"), RequestFingerprint.of("{\"email\":\"i.petrov@mail.example\"}"));

        Decision first = control.receiveTogether(List.of(retried)).getFirst();

        assertEquals(MergeTiming.AFTER_ADD, assertInstanceOf(Decision.Merged.class, first).timing());
        assertEquals(first, control.receive(retried));
        assertEquals(List.of(first), control.receiveTogether(List.of(retried)));
        assertEquals(1, app.get(LeadRepository.class).count(ACME));
    }

    private DuplicateControl started() {
        app = DedupApplication.start(DedupConfig.defaults().withDatabase(new DatabaseConfig(TestPostgres.url(),
                TestPostgres.USER, TestPostgres.PASSWORD, 4, schema)).withTenants(List.of(new TenantConfig(
                ACME.value(), "acme-bigdata-key-0001", List.of("email", "big_data"), "GB", null, null, null))));
        return app.get(DuplicateControl.class);
    }

    private static LeadBuilder ivan() {
        return anIncomingLead().in(ACME).from(SourceChannel.WEB_FORM).inStage(PipelineStage.incoming("sales"))
                .withContactName("Ivan Petrov").withPhone("+44 20 7946 0958");
    }
}
