package org.dedup.persistence.statement;

import static org.dedup.persistence.jooq.Tables.TENANT_SETTINGS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.dedup.persistence.Database;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Statements rendered once per shape run with each call's own values, and refuse values they cannot bind right. */
class RenderedStatementsTest {
    private static Database database;
    private static DSLContext dsl;
    private final RenderedStatements statements = new RenderedStatements(dsl);

    @BeforeAll
    static void open() {
        database = Database.embedded("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dsl = database.dsl();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private int insert(String tenant, String settings) {
        return statements.execute("insert", v -> dsl.insertInto(TENANT_SETTINGS)
                .set(TENANT_SETTINGS.TENANT_ID, v.of(TENANT_SETTINGS.TENANT_ID, tenant))
                .set(TENANT_SETTINGS.SETTINGS, v.of(TENANT_SETTINGS.SETTINGS, settings)));
    }

    private List<String> settingsOf(String tenant) {
        return statements.fetch("select", v -> dsl.select(TENANT_SETTINGS.SETTINGS).from(TENANT_SETTINGS)
                .where(TENANT_SETTINGS.TENANT_ID.eq(v.of(TENANT_SETTINGS.TENANT_ID, tenant))), row -> row.getString(1));
    }

    @Test
    void everyRunOfAShapeBindsItsOwnValues() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        assertEquals(1, insert(first, "one"));
        assertEquals(1, insert(second, null));

        assertEquals(List.of("one"), settingsOf(first));
        assertEquals(Collections.singletonList(null), settingsOf(second));
    }

    @Test
    void valuesGivenInAnotherOrderThanTheStatementBindsThemAreRefused() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> statements.execute("swapped",
                v -> {
                    var settings = v.of(TENANT_SETTINGS.SETTINGS, "s");
                    var tenant = v.of(TENANT_SETTINGS.TENANT_ID, "t");
                    return dsl.insertInto(TENANT_SETTINGS).set(TENANT_SETTINGS.TENANT_ID, tenant)
                            .set(TENANT_SETTINGS.SETTINGS, settings);
                }));
        assertTrue(refused.getMessage().contains("in order"), refused.getMessage());
    }

    @Test
    void aShapeWhoseStatementChangesIsRefused() {
        String tenant = UUID.randomUUID().toString();
        statements.fetch("by tenant", v -> dsl.select(TENANT_SETTINGS.SETTINGS).from(TENANT_SETTINGS)
                .where(TENANT_SETTINGS.TENANT_ID.eq(v.of(TENANT_SETTINGS.TENANT_ID, tenant))), row -> row.getString(1));

        assertThrows(IllegalStateException.class, () -> statements.fetch("by tenant", v -> dsl
                .select(TENANT_SETTINGS.SETTINGS).from(TENANT_SETTINGS)
                .where(TENANT_SETTINGS.TENANT_ID.in(v.of(TENANT_SETTINGS.TENANT_ID, tenant),
                        v.of(TENANT_SETTINGS.TENANT_ID, "other"))), row -> row.getString(1)));
    }

    @Test
    void aDuplicateKeyIsAnIntegrityConstraintViolationNamingTheStatement() {
        String tenant = UUID.randomUUID().toString();
        insert(tenant, "one");

        IntegrityConstraintViolationException duplicate = assertThrows(IntegrityConstraintViolationException.class,
                () -> insert(tenant, "two"));
        assertTrue(duplicate.getMessage().contains("insert into"), duplicate.getMessage());
        assertEquals(List.of("one"), settingsOf(tenant));
    }
}
