package org.dedup.persistence;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.dedup.domain.model.Lead;
import org.dedup.domain.store.LeadRepository;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * dedup inside a hosting application's database: the host has its own table {@code lead} in its current schema, and
 * neither dedup's migration nor its statements touch it; dedup's tables live in its own schema. Run on every database
 * dedup supports.
 */
abstract class HostTablesContract {
    private static final List<String> HOST_COLUMNS = List.of("crm_id", "title");

    /** The host's data source: its connections' current schema is {@link #hostSchema()}. */
    protected abstract DataSource host();

    protected abstract String hostSchema();

    /** The schema dedup is given: a fresh one for each test. */
    protected abstract DedupSchema dedupSchema();

    protected abstract SQLDialect dialect();

    @BeforeEach
    void hostHasItsOwnLeadTableWithOneRow() throws SQLException {
        try (Connection connection = host().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table lead (crm_id int primary key, title varchar(100))");
            statement.execute("insert into lead values (7, 'the host''s lead')");
        }
    }

    @Test
    void theMigrationCreatesDedupsTablesInItsSchemaAndLeavesTheHostsLeadTableAsItWas() throws SQLException {
        dedupSchema().migrate(host());

        assertEquals(HOST_COLUMNS, columnsOfLead(hostSchema()));
        assertEquals(1, leadRows(hostSchema()));
        assertFalse(tables(hostSchema()).contains("flyway_schema_history"), "Flyway's history is dedup's");
        assertTrue(tables(dedupSchema().name()).containsAll(List.of("lead", "contact", "company",
                "flyway_schema_history", "scheduled_tasks")), tables(dedupSchema().name()).toString());
    }

    @Test
    void dedupsStatementsReadAndWriteTheLeadTableOfItsSchemaNotTheHosts() throws SQLException {
        dedupSchema().migrate(host());
        LeadRepository leads = new JooqAdapters(Database.context(host(), dialect(), dedupSchema())).leads();
        Lead lead = aLead().withEmail("kept@apart.io").build();

        leads.insert(lead, Set.of());

        assertEquals(lead, leads.find(TENANT, lead.id()).orElseThrow());
        assertEquals(1, leads.count(TENANT));
        assertEquals(1, leadRows(dedupSchema().name()));
        assertEquals(1, leadRows(hostSchema()));
        assertEquals(HOST_COLUMNS, columnsOfLead(hostSchema()));
    }

    @Test
    void migratingAgainChangesNothing() throws SQLException {
        dedupSchema().migrate(host());
        List<String> once = tables(dedupSchema().name());

        dedupSchema().migrate(host());

        assertEquals(once, tables(dedupSchema().name()));
        assertEquals(1, leadRows(hostSchema()));
    }

    private List<String> columnsOfLead(String schema) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Connection connection = host().getConnection();
             ResultSet rows = connection.getMetaData().getColumns(null, schema, "lead", null)) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME"));
            }
        }
        return columns;
    }

    private List<String> tables(String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = host().getConnection();
             ResultSet rows = connection.getMetaData().getTables(null, schema, null, new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        return tables.stream().sorted().toList();
    }

    private long leadRows(String schema) throws SQLException {
        try (Connection connection = host().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from " + schema + ".lead")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
