package org.dedup.persistence.lead;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aContact;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.dedup.persistence.Timestamps.time;
import static org.dedup.persistence.jooq.Tables.LEAD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.UUID;

import org.dedup.domain.model.Lead;
import org.dedup.persistence.Database;
import org.dedup.persistence.TestDatabases;
import org.dedup.persistence.json.DocumentCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Leads written before contacts had rows of their own (schema version 2) keep their contacts. */
class LeadDocumentsOfVersion2Test {
    private static Database database;
    private final DocumentCodec codec = new DocumentCodec();

    @BeforeAll
    static void open() {
        database = TestDatabases.h2();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    /** A lead row as version 2 wrote it: the contacts inside the document, no lead_contact rows. */
    private void storeAsVersion2(Lead lead) {
        database.dsl().insertInto(LEAD)
                .set(LEAD.TENANT_ID, lead.tenant().value()).set(LEAD.ID, lead.id().value())
                .set(LEAD.VERSION, lead.version())
                .set(LEAD.PIPELINE, lead.stage().pipeline()).set(LEAD.STAGE, lead.stage().stage())
                .set(LEAD.CREATED_AT, time(lead.createdAt())).set(LEAD.UPDATED_AT, time(lead.updatedAt()))
                .set(LEAD.DOCUMENT, codec.write(lead))
                .execute();
    }

    @Test
    void anOldLeadIsReadWithTheContactsOfItsDocumentAndKeepsThemWhenSaved() {
        Lead lead = aLead().withEmail("old@x.io").withSecondaryContact(aContact("Jane Roe", "jane@x.io", null)).build();
        storeAsVersion2(lead);
        JooqLeadRepository leads = new JooqLeadRepository(database.dsl(), codec);

        assertEquals(lead, leads.find(TENANT, lead.id()).orElseThrow());
        Lead saved = lead.withName("saved again").touched(lead.updatedAt());
        leads.update(saved, Set.of());
        assertEquals(saved, leads.find(TENANT, lead.id()).orElseThrow());
    }
}
