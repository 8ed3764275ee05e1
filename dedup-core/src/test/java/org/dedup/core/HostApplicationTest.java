package org.dedup.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;

import org.dedup.domain.control.Decision;
import org.dedup.domain.model.TenantId;
import org.dedup.persistence.DedupSchema;
import org.dedup.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The README's embedding example, run with dedup-core's dependencies only, on a real PostgreSQL. */
class HostApplicationTest {
    private static final TenantId TENANT = new TenantId("crm");
    private final DedupSchema schema = DedupSchema.named(TestPostgres.createSchema("host_app"));

    @AfterEach
    void dropSchema() {
        TestPostgres.dropSchema(schema.name());
    }

    private static PGSimpleDataSource crmDatabase() {
        PGSimpleDataSource crmDatabase = new PGSimpleDataSource();
        crmDatabase.setURL(TestPostgres.url());
        crmDatabase.setUser(TestPostgres.USER);
        crmDatabase.setPassword(TestPostgres.PASSWORD);
        return crmDatabase;
    }

    @Test
    void theSecondWebFormLeadWithTheSameEmailIsMergedIntoTheFirst() {
        HostApplication crm = new HostApplication(crmDatabase(), schema);
        crm.matchByEmail(TENANT);

        Decision first = crm.webFormLead(TENANT, "Ana Silva", "Ana@Example.com");
        Decision second = crm.webFormLead(TENANT, "Ana Silva", "ana@example.com");

        assertInstanceOf(Decision.Created.class, first);
        assertEquals(List.of(first.lead()), assertInstanceOf(Decision.Merged.class, second).mergedInto());
    }

    @Test
    void aRestartedHostMigratesAgainAndFindsTheLeadsItStored() {
        HostApplication crm = new HostApplication(crmDatabase(), schema);
        crm.matchByEmail(TENANT);
        Decision first = crm.webFormLead(TENANT, "Ana Silva", "ana@x.io");

        Decision second = new HostApplication(crmDatabase(), schema).webFormLead(TENANT, "Ana Silva", "ana@x.io");

        assertEquals(List.of(first.lead()), assertInstanceOf(Decision.Merged.class, second).mergedInto());
    }
}
