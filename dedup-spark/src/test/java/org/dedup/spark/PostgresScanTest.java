package org.dedup.spark;

import static org.dedup.domain.testing.GroupComparison.comparable;
import static org.dedup.domain.testing.GroupComparison.members;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.dedup.bench.data.PersonTenant;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.DuplicateGroup;
import org.dedup.domain.search.DuplicateSearch;
import org.dedup.domain.search.RecordPair;
import org.dedup.persistence.Database;
import org.dedup.persistence.DedupSchema;
import org.dedup.persistence.JooqAdapters;
import org.dedup.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresScanTest {
    private static final TenantId TENANT = new TenantId("acme");
    private String schema;
    private Database database;
    private SparkSession spark;

    @BeforeEach
    void start() {
        schema = TestPostgres.createSchema("spark_scan");
        database = Database.open(TestPostgres.url(), TestPostgres.USER, TestPostgres.PASSWORD, 2,
                DedupSchema.named(schema));
        database.migrate();
        spark = LocalSpark.session("local[2]", 4);
    }

    @AfterEach
    void stop() {
        spark.stop();
        database.close();
        TestPostgres.dropSchema(schema);
    }

    @Test
    void replacesTheTenantsGroupsWithTheGroupsTheSingleNodeScanWouldStore() {
        JooqAdapters adapters = database.adapters();
        DuplicateSearch search = new DuplicateSearch(adapters.leads(), adapters.contacts(), adapters.companies(),
                adapters.settings(), adapters.notDuplicates(), adapters.duplicateGroups(), Standardizing.standardizer());
        PersonTenant.generate(600, PersonTenant.SEED).contacts().forEach(c -> search.saveContact(TENANT, c));
        List<DuplicateGroup> earlier = search.scan(TENANT).groups();
        DuplicateGroup split = earlier.stream().filter(g -> g.members().size() >= 3).findFirst().orElseThrow();
        search.markNotDuplicate(TENANT, new RecordPair(split.members().getFirst(), split.members().getLast()));
        List<DuplicateGroup> expected = search.dryRun(TENANT, search.rules(TENANT)).groups();

        new PostgresScan(TestPostgres.url(), TestPostgres.USER, TestPostgres.PASSWORD, DedupSchema.named(schema))
                .run(spark, TENANT, 2);

        List<DuplicateGroup> stored = adapters.duplicateGroups().groups(TENANT);
        assertNotEquals(members(earlier), members(expected), "the mark split a group");
        assertEquals(comparable(expected, earlier), comparable(stored, earlier));
        assertTrue(stored.stream().anyMatch(g -> g.id().equals(split.id())), "the split group kept its id");
    }
}
