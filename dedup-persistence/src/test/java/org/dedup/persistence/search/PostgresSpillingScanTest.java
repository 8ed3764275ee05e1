package org.dedup.persistence.search;

import static org.dedup.domain.testing.GroupComparison.comparable;
import static org.dedup.domain.testing.GroupComparison.members;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.Email;
import org.dedup.domain.model.Phone;
import org.dedup.domain.model.PhoneType;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.BulkSearchResult;
import org.dedup.domain.search.DuplicateGroup;
import org.dedup.domain.search.DuplicateSearch;
import org.dedup.domain.search.RecordPair;
import org.dedup.domain.search.ScanMethod;
import org.dedup.domain.search.SpilledSearchResult;
import org.dedup.domain.search.SpillingBulkSearch;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.testing.SimpleStandardizer;
import org.dedup.persistence.Database;
import org.dedup.persistence.JooqAdapters;
import org.dedup.persistence.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulk search that streams a tenant from PostgreSQL and spills it to disk stores the in-memory search's groups. */
class PostgresSpillingScanTest {
    private static final TenantId TENANT = new TenantId("acme");
    /** More than one page of the repositories' reads (1,000). */
    private static final int CONTACTS = 2_500;
    @TempDir
    Path spill;
    private String schema;
    private Database database;
    private DuplicateSearch search;

    @BeforeEach
    void aTenantOfContactsSharingEmailsAndPhones() {
        schema = TestDatabases.createSchema("spilling_scan");
        database = TestDatabases.postgres(schema, 2);
        JooqAdapters adapters = database.adapters();
        search = new DuplicateSearch(adapters.leads(), adapters.contacts(), adapters.companies(), adapters.settings(),
                adapters.notDuplicates(), adapters.duplicateGroups(), new RecordStandardizer(new SimpleStandardizer()));
        Random random = new Random(23);
        for (int i = 0; i < CONTACTS; i++) {
            search.saveContact(TENANT, new Contact(ContactId.random(), "Person " + random.nextInt(CONTACTS / 3),
                    List.of(Phone.of(PhoneType.WORK, "+1 555 " + (1_000_000 + random.nextInt(CONTACTS / 2)))),
                    List.of(Email.of("mail" + random.nextInt(CONTACTS / 2) + "@example.com")), Map.of()));
        }
    }

    @AfterEach
    void dropTheSchema() {
        database.close();
        TestDatabases.dropSchema(schema);
    }

    @Test
    void storesTheGroupsOfTheInMemorySearchWithTheirKeptIdsWhileAMarkSplitsOne() {
        List<DuplicateGroup> earlier = search.scan(TENANT).groups();
        DuplicateGroup split = earlier.stream().filter(g -> g.members().size() >= 3).findFirst().orElseThrow();
        search.markNotDuplicate(TENANT, new RecordPair(split.members().getFirst(), split.members().getLast()));
        BulkSearchResult inMemory = search.dryRun(TENANT, search.rules(TENANT));

        List<DuplicateGroup> given = new ArrayList<>();
        SpilledSearchResult spilled = search.scan(TENANT, ScanMethod.RULES, new SpillingBulkSearch(spill, 1_000),
                given::add);

        List<DuplicateGroup> stored = database.adapters().duplicateGroups().groups(TENANT);
        assertNotEquals(members(earlier), members(inMemory.groups()), "the mark split a group");
        assertEquals(comparable(inMemory.groups(), earlier), comparable(stored, earlier));
        assertEquals(stored, given, "each group given as it was stored");
        assertEquals(CONTACTS, spilled.records());
        assertEquals(stored.size(), spilled.groups());
        assertTrue(stored.stream().anyMatch(g -> g.id().equals(split.id())), "the split group kept its id");
    }
}
