package org.dedup.domain.contract;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.dedup.domain.model.Lead;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.Transactor;
import org.junit.jupiter.api.Test;

/**
 * What every transactional {@link Transactor} adapter does with the other ports' calls made inside it. The
 * in-memory transactor only serialises work and does not roll back, so it does not run this suite.
 */
public abstract class TransactorContract {

    protected abstract Transactor transactor();

    protected abstract LeadRepository leads();

    private static final class Abort extends RuntimeException {
        Abort() {
            super("abort");
        }
    }

    @Test
    void workThatThrowsLeavesNothingBehindAndTheExceptionReachesTheCaller() {
        Lead lead = aLead().build();
        assertThrows(Abort.class, () -> transactor().inTransaction(() -> {
            leads().insert(lead, Set.of());
            throw new Abort();
        }));
        assertTrue(leads().find(TENANT, lead.id()).isEmpty());
    }

    @Test
    void aNestedCallJoinsTheOuterTransactionAndIsRolledBackWithIt() {
        Lead outer = aLead().build();
        Lead inner = aLead().build();
        assertThrows(Abort.class, () -> transactor().inTransaction(() -> {
            leads().insert(outer, Set.of());
            transactor().inTransaction(() -> {
                leads().insert(inner, Set.of());
                return null;
            });
            throw new Abort();
        }));
        assertTrue(leads().find(TENANT, outer.id()).isEmpty());
        assertTrue(leads().find(TENANT, inner.id()).isEmpty());
    }

    @Test
    void committedWorkIsVisibleAndReturnsItsResult() {
        Lead lead = aLead().build();
        Lead returned = transactor().inTransaction(() -> {
            leads().insert(lead, Set.of());
            return lead;
        });
        assertEquals(lead, returned);
        assertEquals(lead, leads().find(TENANT, lead.id()).orElseThrow());
    }
}
