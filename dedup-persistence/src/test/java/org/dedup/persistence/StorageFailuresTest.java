package org.dedup.persistence;

import static org.dedup.domain.testing.LeadBuilder.T0;
import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.dedup.domain.control.Decision;
import org.dedup.domain.control.IdempotencyKey;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.persistence.failure.DuplicateRecordException;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Database failures reach callers as domain exceptions that say what failed, for which record and tenant. */
class StorageFailuresTest {
    private static Database database;

    @BeforeAll
    static void open() {
        database = TestDatabases.h2();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aSecondInsertOfALeadNamesTheLeadAndTheTenant() {
        Lead lead = aLead().build();
        database.adapters().leads().insert(lead, Set.of());

        DuplicateRecordException refused = assertThrows(DuplicateRecordException.class,
                () -> database.adapters().leads().insert(lead, Set.of()));

        assertTrue(refused.getMessage().contains(lead.id().toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("tenant " + TENANT), refused.getMessage());
        assertInstanceOf(DataAccessException.class, refused.getCause());
    }

    @Test
    void aReusedIdempotencyKeyNamesTheKeyOwnerAndTheTenant() {
        IdempotencyKey key = new IdempotencyKey("once");
        Decision decision = new Decision.Created(LeadId.random(), List.of(), List.of());
        database.adapters().decisions().record(TENANT, key, decision, T0);

        DuplicateRecordException refused = assertThrows(DuplicateRecordException.class,
                () -> database.adapters().decisions().record(TENANT, key, decision, T0));

        assertTrue(refused.getMessage().contains("idempotency key 'once'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("tenant " + TENANT), refused.getMessage());
    }
}
