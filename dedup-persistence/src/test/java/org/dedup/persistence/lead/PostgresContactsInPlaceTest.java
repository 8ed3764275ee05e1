package org.dedup.persistence.lead;

import static org.dedup.domain.testing.LeadBuilder.T0;
import static org.dedup.domain.testing.LeadBuilder.aContact;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactRole;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.store.LeadRepository.IndexedLead;
import org.dedup.persistence.Database;
import org.dedup.persistence.JooqAdapters;
import org.dedup.persistence.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL a merge's rewrite of a stored lead writes its row and its changed contacts over their old versions on
 * their pages (HOT updates: no index entry, no row left for vacuum), as the transaction's own statistics count them;
 * a contact that did not change is not written at all.
 */
class PostgresContactsInPlaceTest {
    private static String schema;
    private static Database database;
    private static JooqAdapters adapters;

    @BeforeAll
    static void open() {
        schema = TestDatabases.createSchema("persist_in_place");
        database = TestDatabases.postgres(schema, 2);
        adapters = database.adapters();
    }

    @AfterAll
    static void drop() {
        database.close();
        TestDatabases.dropSchema(schema);
    }

    private static Lead stored(String email) {
        Lead lead = aLead().withEmail(email).withSecondaryContact(aContact("Jane Roe", "jane@roe.io",
                "+1 212 555 0100")).build();
        adapters.leads().insert(lead, Set.of());
        return lead;
    }

    /** The lead with its primary contact given another email; its secondary contact as it was. */
    private static Lead withPrimaryEmail(Lead lead, String email) {
        Contact primary = lead.contacts().getFirst().contact();
        Contact changed = new Contact(primary.id(), primary.fullName(), primary.phones(), List.of(Email.of(email)),
                primary.customFields());
        return lead.withContacts(List.of(new LinkedContact(changed, ContactRole.PRIMARY), lead.contacts().get(1)))
                .touched(T0);
    }

    /**
     * Rows of {@code lead} and {@code lead_contact} inserted, updated, updated in place and deleted by {@code work},
     * inside a transaction: the difference of the session's counts not yet reported (which include earlier
     * transactions' of the session) before and after it.
     */
    private static Map<String, Map<String, Long>> written(Runnable work) {
        return adapters.transactor().inTransaction(() -> {
            Map<String, List<Long>> before = counts();
            work.run();
            Map<String, List<Long>> after = counts();
            return Map.of("lead", difference(before.get("lead"), after.get("lead")), "lead_contact",
                    difference(before.get("lead_contact"), after.get("lead_contact")));
        });
    }

    private static Map<String, Long> difference(List<Long> before, List<Long> after) {
        return Map.of("inserted", after.get(0) - before.get(0), "updated", after.get(1) - before.get(1),
                "in place", after.get(2) - before.get(2), "deleted", after.get(3) - before.get(3));
    }

    private static Map<String, List<Long>> counts() {
        return database.dsl().fetch("select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del"
                        + " from pg_stat_xact_user_tables where schemaname = {0} and relname in ('lead', 'lead_contact')",
                schema).intoMap(row -> row.get(0, String.class), row -> List.of(row.get(1, Long.class),
                row.get(2, Long.class), row.get(3, Long.class), row.get(4, Long.class)));
    }

    private static void assertWrittenInPlace(String table, long rows, Map<String, Long> written) {
        assertEquals(Map.of("inserted", 0L, "updated", rows, "in place", rows, "deleted", 0L), written, table);
    }

    @Test
    void aMergedLeadsRowAndItsChangedContactAreWrittenInPlaceAndItsUnchangedContactNotAtAll() {
        Lead lead = stored("in-place@x.io");
        Lead merged = withPrimaryEmail(lead, "in-place-2@x.io");

        Map<String, Map<String, Long>> written = written(() -> adapters.leads().update(merged, Set.of()));

        assertWrittenInPlace("lead", 1, written.get("lead"));
        assertWrittenInPlace("lead_contact", 1, written.get("lead_contact"));
        assertEquals(merged, adapters.leads().find(merged.tenant(), merged.id()).orElseThrow());
    }

    @Test
    void leadsMergedIntoTogetherAreWrittenInPlaceToo() {
        Lead one = stored("together-1@x.io");
        Lead other = stored("together-2@x.io");
        List<Lead> merged = List.of(withPrimaryEmail(one, "together-1b@x.io"), withPrimaryEmail(other,
                "together-2b@x.io"));

        Map<String, Map<String, Long>> written = written(() -> adapters.leads().updateAll(merged.stream()
                .map(lead -> new IndexedLead(lead, Set.of())).toList()));

        assertWrittenInPlace("lead", 2, written.get("lead"));
        assertWrittenInPlace("lead_contact", 2, written.get("lead_contact"));
        assertEquals(merged, adapters.leads().findAll(one.tenant(), List.of(one.id(), other.id())));
    }

    @Test
    void leadAndContactPagesAreFilledTo80PercentToLeaveRoomForTheirUpdates() {
        for (String table : List.of("lead", "lead_contact")) {
            String options = String.valueOf(database.dsl().fetchValue("select array_to_string(reloptions, ',')"
                    + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                    + " where n.nspname = {0} and c.relname = {1}", schema, table));
            assertTrue(options.contains("fillfactor=80"), table + ": " + options);
        }
    }
}
