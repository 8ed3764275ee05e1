package org.dedup.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.SearchScope;
import org.dedup.persistence.json.DocumentCodec;
import org.dedup.persistence.lead.JooqLeadRepository;
import org.jooq.DSLContext;
import org.jooq.Name;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The candidate lookup's PostgreSQL plan on a big tenant (200,000 leads, 600,000 keys, beside a second tenant
 * holding the same keys): the key table is read through its primary-key index, never scanned.
 */
class PostgresCandidateLookupPlanTest {
    private static final TenantId BIG = new TenantId("big");
    private static final int LEADS = 200_000;
    private static String schema;
    private static Database database;
    private static JooqLeadRepository leads;

    @BeforeAll
    static void fill() {
        schema = TestDatabases.createSchema("persist_plan");
        database = TestDatabases.postgres(schema, 2);
        leads = new JooqLeadRepository(database.dsl(), new DocumentCodec());
        DSLContext dsl = database.dsl();
        for (String tenant : List.of(BIG.value(), "neighbour")) {
            dsl.execute("insert into {0} (tenant_id, id, version, pipeline, stage, created_at, updated_at, document) "
                    + "select {1}, md5({1} || g)::uuid, 0, case when g % 2 = 0 then 'sales' else 'support' end, "
                    + "'new', now(), now(), '{}' from generate_series(1, {2}) g", table("lead"), tenant, LEADS);
            for (String namespace : List.of("primary_email", "primary_phone", "primary_phone_last10")) {
                dsl.execute("insert into {0} (tenant_id, namespace, key_value, lead_id) "
                        + "select {1}, {2}, {2} || '-' || g, md5({1} || g)::uuid from generate_series(1, {3}) g",
                        table("lead_key"), tenant, namespace, LEADS);
            }
        }
        dsl.execute("analyze {0}", table("lead"));
        dsl.execute("analyze {0}", table("lead_key"));
    }

    private static Name table(String name) {
        return DSL.name(schema, name);
    }

    @AfterAll
    static void drop() {
        database.close();
        TestDatabases.dropSchema(schema);
    }

    private static List<MatchKey> keysOfLead(int n) {
        return List.of(new MatchKey("primary_email", "primary_email-" + n),
                new MatchKey("primary_phone", "primary_phone-" + n),
                new MatchKey("primary_phone_last10", "primary_phone_last10-" + n));
    }

    @Test
    void theLookupReadsTheKeyIndexAndNeverScansTheKeyTable() {
        SearchScope sales = new SearchScope(Map.of("sales", Set.of()));
        String plan = database.dsl().explain(leads.candidateLookup(BIG, List.of(keysOfLead(4242), keysOfLead(7)), sales, 10)).plan();

        System.out.println("candidate lookup plan on " + LEADS + " leads:\n" + plan);
        assertTrue(plan.contains("Index Scan using pk_lead_key on lead_key")
                || plan.contains("Index Only Scan using pk_lead_key on lead_key")
                || plan.contains("Bitmap Index Scan on pk_lead_key"), plan);
        assertFalse(plan.contains("Seq Scan on lead_key"), plan);
        assertFalse(plan.contains("Seq Scan on lead "), plan);
    }

    @Test
    void theLookupFindsTheOneLeadOfTheTenantInScope() {
        LeadId expected = new LeadId(UUID.fromString(database.dsl()
                .fetchValue("select md5({0} || 4242)::uuid::text", BIG.value()).toString()));
        assertEquals(List.of(expected), leads.findByKeys(BIG, keysOfLead(4242), new SearchScope(Map.of("sales",
                Set.of())), 10));
        assertTrue(leads.findByKeys(BIG, keysOfLead(4243), new SearchScope(Map.of("sales", Set.of())), 10).isEmpty());
    }
}
