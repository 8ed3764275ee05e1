package org.dedup.persistence.transaction;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.UUID;

import org.dedup.domain.model.Lead;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.Transactor;
import org.dedup.persistence.Database;
import org.dedup.persistence.DedupSchema;
import org.junit.jupiter.api.Test;

/** Every way a transaction ends gives its connection back: a pool of two survives a hundred of each. */
class ThreadBoundTransactionsTest {

    @Test
    void committedFailedAndNestedTransactionsAllGiveTheirConnectionBack() {
        try (Database database = Database.open("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", 2, DedupSchema.DEFAULT)) {
            database.migrate();
            Transactor transactor = database.adapters().transactor();
            LeadRepository leads = database.adapters().leads();
            for (int i = 0; i < 100; i++) {
                Lead committed = aLead().build();
                transactor.inTransaction(() -> {
                    leads.insert(committed, Set.of());
                    return transactor.inTransaction(() -> leads.find(TENANT, committed.id()));
                });
                assertThrows(IllegalStateException.class, () -> transactor.inTransaction(() -> {
                    leads.insert(aLead().build(), Set.of());
                    throw new IllegalStateException("abort");
                }));
                assertTrue(leads.find(TENANT, committed.id()).isPresent());
            }
            assertEquals(100, leads.count(TENANT));
        }
    }
}
