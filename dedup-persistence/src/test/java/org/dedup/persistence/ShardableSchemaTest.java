package org.dedup.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The migrated schema distributes by tenant: read from PostgreSQL's catalog, every table has a primary key, and every
 * primary key, unique constraint, index and foreign key (both of its sides) starts with {@code tenant_id}. That is
 * what Citus needs to distribute the tables by {@code tenant_id}, and what lets a tenant's rows move to another
 * server with nothing pointing across. A table or index added later that would not distribute fails here, by name.
 */
class ShardableSchemaTest {
    private static final String TENANT = "tenant_id";
    /**
     * Tables that are not the product's data: Flyway's own history, and db-scheduler's executions (its own layout,
     * claimed by due time across tenants; the tenant is a row's task_instance), a table to keep on the coordinator.
     */
    private static final Set<String> NOT_TENANT_DATA = Set.of("flyway_schema_history", "scheduled_tasks");
    private static String schema;
    private static Database database;

    @BeforeAll
    static void migrate() {
        schema = TestDatabases.createSchema("persist_shardable");
        database = TestDatabases.postgres(schema, 2);
    }

    @AfterAll
    static void drop() {
        database.close();
        TestDatabases.dropSchema(schema);
    }

    @Test
    void everyTableHasAPrimaryKey() {
        List<String> without = dsl().fetch("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relkind in ('r', 'p')
                  and not exists (select 1 from pg_index i where i.indrelid = c.oid and i.indisprimary)
                """, schema).getValues(0, String.class);
        assertEquals(List.of(), without.stream().filter(t -> !NOT_TENANT_DATA.contains(t)).toList());
    }

    @Test
    void everyPrimaryKeyUniqueConstraintAndIndexStartsWithTheTenant() {
        List<String> offending = new ArrayList<>();
        for (Record index : dsl().fetch("""
                select t.relname as table_name, i.relname as index_name, a.attname as first_column
                from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
                join pg_namespace n on n.oid = t.relnamespace
                left join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0]
                where n.nspname = ?
                """, schema)) {
            String table = index.get("table_name", String.class);
            if (!NOT_TENANT_DATA.contains(table) && !TENANT.equals(index.get("first_column", String.class))) {
                offending.add(table + "." + index.get("index_name", String.class) + " starts with "
                        + index.get("first_column", String.class));
            }
        }
        assertEquals(List.of(), offending);
    }

    @Test
    void everyForeignKeyJoinsOnTheTenantFirst() {
        List<Record> keys = dsl().fetch("""
                select f.conname as name, a.attname as local_first, r.attname as referenced_first
                from pg_constraint f join pg_namespace n on n.oid = f.connamespace
                join pg_attribute a on a.attrelid = f.conrelid and a.attnum = f.conkey[1]
                join pg_attribute r on r.attrelid = f.confrelid and r.attnum = f.confkey[1]
                where n.nspname = ? and f.contype = 'f'
                """, schema);
        assertFalse(keys.isEmpty(), "the schema has foreign keys to check");
        List<String> offending = keys.stream()
                .filter(k -> !TENANT.equals(k.get("local_first")) || !TENANT.equals(k.get("referenced_first")))
                .map(k -> k.get("name", String.class)).toList();
        assertEquals(List.of(), offending);
    }

    private static DSLContext dsl() {
        return database.dsl();
    }
}
