package org.dedup.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.dedup.bench.NamedArgs;
import org.dedup.testing.TestPostgres;

/** The load tenant on the tests' real PostgreSQL, in a scratch schema. */
class LoadSeedTest {
    private static final String SCHEMA = "load_seed_test";
    private static final NamedArgs ARGS = NamedArgs.parse(new String[] {"leads=30", "schema=" + SCHEMA,
            "url=" + TestPostgres.url()});
    private static final String LEADS = "select id, version, updated_at, document from " + SCHEMA + ".lead order by id";
    private static final String KEYS = "select lead_id, namespace, key_value from " + SCHEMA
            + ".lead_key order by lead_id, namespace, key_value";
    private static final String CONTACTS = "select lead_id, position, contact_id, document from " + SCHEMA
            + ".lead_contact order by lead_id, position";

    @AfterEach
    void dropSchema() throws SQLException {
        execute("drop schema if exists " + SCHEMA + " cascade");
    }

    @Test
    void resetPutsTheTenantBackAsSeededWhateverRunsDidToIt() throws Exception {
        execute("drop schema if exists " + SCHEMA + " cascade");
        new LoadSeed(ARGS).run();
        List<String> leads = rows(LEADS);
        List<String> keys = rows(KEYS);
        List<String> contacts = rows(CONTACTS);
        assertEquals(30, leads.size());

        // what a run does: merges into stored leads (new version, values and keys), creates leads, logs decisions
        execute("update " + SCHEMA + ".lead set version = version + 1, updated_at = now(), document = '{}'"
                        + " where id in (select id from " + SCHEMA + ".lead order by id limit 3)",
                "insert into " + SCHEMA + ".lead_key select tenant_id, 'primary_phone', '+447999999999', id from "
                        + SCHEMA + ".lead order by id limit 1",
                "delete from " + SCHEMA + ".lead_contact where lead_id = (select id from " + SCHEMA
                        + ".lead order by id limit 1)",
                "insert into " + SCHEMA + ".lead select tenant_id, gen_random_uuid(), 0, pipeline, stage, now(), now(),"
                        + " document from " + SCHEMA + ".lead order by id limit 2",
                "insert into " + SCHEMA + ".lead_key select l.tenant_id, 'primary_email', 'later@example.com', l.id from "
                        + SCHEMA + ".lead l where l.created_at >= timestamp with time zone '" + LoadPeople.SEEDED_UNTIL + "'");
        assertNotEquals(leads, rows(LEADS));

        new LoadSeed(ARGS).run();

        assertEquals(leads, rows(LEADS));
        assertEquals(keys, rows(KEYS));
        assertEquals(contacts, rows(CONTACTS));
    }

    private static List<String> rows(String query) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            List<String> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    row.append(result.getString(c)).append('|');
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }

    private static void execute(String... statements) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(ARGS.url(), ARGS.user(), ARGS.password());
    }
}
