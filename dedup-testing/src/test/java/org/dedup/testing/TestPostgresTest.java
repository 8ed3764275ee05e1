package org.dedup.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

class TestPostgresTest {
    @Test
    void theTestDatabaseIsARealPostgresqlThatTakesSchemasAndTables() throws Exception {
        String schema = TestPostgres.createSchema("testing");
        try {
            TestPostgres.execute("create table " + schema + ".t (id bigint primary key, v jsonb)");
            try (Connection connection = TestPostgres.connect(); Statement statement = connection.createStatement()) {
                statement.execute("insert into " + schema + ".t values (1, '{\"a\": 1}')");
                try (ResultSet rows = statement.executeQuery("select v ->> 'a', version() from " + schema + ".t")) {
                    assertTrue(rows.next());
                    assertEquals("1", rows.getString(1));
                    assertTrue(rows.getString(2).startsWith("PostgreSQL"), rows.getString(2));
                }
            }
        } finally {
            TestPostgres.dropSchema(schema);
        }
    }
}
