package org.dedup.persistence.statement;

import static org.dedup.persistence.jooq.Tables.TENANT_SETTINGS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.dedup.persistence.Database;
import org.dedup.persistence.TestDatabases;
import org.dedup.persistence.statement.RenderedStatements.Binds;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Statements rendered once per shape run with each call's own values, run together (one round trip on PostgreSQL)
 * in order, and refuse values they cannot bind right; on H2 and on the local PostgreSQL.
 */
class RenderedStatementsTest {

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnH2 extends Contract {
        OnH2() {
            super(TestDatabases.h2());
        }

        @AfterAll
        void close() {
            database.close();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnPostgres extends Contract {
        private static final String SCHEMA = TestDatabases.createSchema("rendered");

        OnPostgres() {
            super(TestDatabases.postgres(SCHEMA, 2));
        }

        @AfterAll
        void close() {
            database.close();
            TestDatabases.dropSchema(SCHEMA);
        }
    }

    abstract static class Contract {
        final Database database;
        private final DSLContext dsl;
        private final RenderedStatements statements;

        Contract(Database database) {
            this.database = database;
            this.dsl = database.dsl();
            this.statements = new RenderedStatements(dsl);
        }

        private int insert(String tenant, String settings) {
            return statements.execute("insert", v -> insertion(v, tenant, settings));
        }

        private Query insertion(Binds v, String tenant, String settings) {
            return dsl.insertInto(TENANT_SETTINGS)
                    .set(TENANT_SETTINGS.TENANT_ID, v.of(TENANT_SETTINGS.TENANT_ID, tenant))
                    .set(TENANT_SETTINGS.SETTINGS, v.of(TENANT_SETTINGS.SETTINGS, settings));
        }

        private List<String> settingsOf(String tenant) {
            return statements.fetch("select", v -> dsl.select(TENANT_SETTINGS.SETTINGS).from(TENANT_SETTINGS)
                    .where(TENANT_SETTINGS.TENANT_ID.eq(v.of(TENANT_SETTINGS.TENANT_ID, tenant))),
                    row -> row.getString(1));
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
        void statementsRunTogetherRunInOrderEachWithItsValues() {
            String tenant = UUID.randomUUID().toString();
            String other = UUID.randomUUID().toString();

            dsl.transaction(configuration -> statements.executeTogether("together", v -> List.of(
                    insertion(v, tenant, "one"), insertion(v, other, "two"), dsl.update(TENANT_SETTINGS)
                            .set(TENANT_SETTINGS.RULES, v.of(TENANT_SETTINGS.RULES, "rules"))
                            .where(TENANT_SETTINGS.TENANT_ID.eq(v.of(TENANT_SETTINGS.TENANT_ID, tenant))))));

            assertEquals(List.of("one"), settingsOf(tenant));
            assertEquals(List.of("two"), settingsOf(other));
            assertEquals("rules", dsl.select(TENANT_SETTINGS.RULES).from(TENANT_SETTINGS)
                    .where(TENANT_SETTINGS.TENANT_ID.eq(tenant)).fetchOne(TENANT_SETTINGS.RULES));
        }

        @Test
        void twoQueriesFetchedTogetherEachGiveTheirOwnRows() {
            String first = UUID.randomUUID().toString();
            String second = UUID.randomUUID().toString();
            String secondSettings = "settings of " + second;
            insert(first, "one");
            insert(second, secondSettings);

            var rows = statements.fetchTogether("both", v -> List.of(dsl.select(TENANT_SETTINGS.SETTINGS)
                            .from(TENANT_SETTINGS).where(TENANT_SETTINGS.TENANT_ID.eq(v.of(TENANT_SETTINGS.TENANT_ID,
                                    first))),
                    dsl.select(TENANT_SETTINGS.TENANT_ID).from(TENANT_SETTINGS)
                            .where(TENANT_SETTINGS.SETTINGS.eq(v.of(TENANT_SETTINGS.SETTINGS, secondSettings)))),
                    row -> row.getString(1), row -> row.getString(1));

            assertEquals(List.of("one"), rows.first());
            assertEquals(List.of(second), rows.second());
        }

        @Test
        void aFailingStatementRunTogetherFailsItsTransactionAndKeepsNothing() {
            String tenant = UUID.randomUUID().toString();
            String stored = UUID.randomUUID().toString();
            insert(stored, "stored");

            assertThrows(IntegrityConstraintViolationException.class, () -> dsl.transaction(configuration -> statements
                    .executeTogether("failing", v -> List.of(insertion(v, tenant, "new"),
                            insertion(v, stored, "again")))));

            assertEquals(List.of(), settingsOf(tenant));
            assertEquals(List.of("stored"), settingsOf(stored));
        }

        @Test
        void aBatchRunsTheStatementOncePerRowWithThatRowsValuesAndCountsWhatEachChanged() {
            String first = UUID.randomUUID().toString();
            String second = UUID.randomUUID().toString();
            insert(first, "one");

            int[] inserted = dsl.transactionResult(configuration -> statements.executeBatch("batch insert",
                    List.of(second), (v, tenant) -> insertion(v, tenant, "two")));
            int[] updated = dsl.transactionResult(configuration -> statements.executeBatch("batch update",
                    List.of(first, "nobody", second), (v, tenant) -> dsl.update(TENANT_SETTINGS)
                            .set(TENANT_SETTINGS.RULES, v.of(TENANT_SETTINGS.RULES, "rules of " + tenant))
                            .where(TENANT_SETTINGS.TENANT_ID.eq(v.of(TENANT_SETTINGS.TENANT_ID, tenant)))));

            assertEquals(1, inserted.length);
            assertArrayEquals(new int[] {1, 0, 1}, updated);
            assertEquals(List.of("two"), settingsOf(second));
            assertEquals("rules of " + second, dsl.select(TENANT_SETTINGS.RULES).from(TENANT_SETTINGS)
                    .where(TENANT_SETTINGS.TENANT_ID.eq(second)).fetchOne(TENANT_SETTINGS.RULES));
        }

        @Test
        void aFailingRowOfABatchFailsItsTransactionAndKeepsNothing() {
            String tenant = UUID.randomUUID().toString();
            String stored = UUID.randomUUID().toString();
            insert(stored, "stored");

            assertThrows(IntegrityConstraintViolationException.class, () -> dsl.transaction(configuration -> statements
                    .executeBatch("failing batch", List.of(tenant, stored), (v, id) -> insertion(v, id, "new"))));

            assertEquals(List.of(), settingsOf(tenant));
            assertEquals(List.of("stored"), settingsOf(stored));
        }

        private void insertLater(String tenant, String settings) {
            statements.executeLater("insert later", v -> insertion(v, tenant, settings));
        }

        @Test
        void aStatementSentLaterIsStoredByItsTransactionsCommitOrAtOnceOutsideOne() {
            String tenant = UUID.randomUUID().toString();
            String alone = UUID.randomUUID().toString();

            dsl.transaction(configuration -> insertLater(tenant, "later"));
            insertLater(alone, "at once");

            assertEquals(List.of("later"), settingsOf(tenant));
            assertEquals(List.of("at once"), settingsOf(alone));
        }

        @Test
        void aStatementSentLaterIsSeenByTheNextStatementOfItsTransaction() {
            String tenant = UUID.randomUUID().toString();

            List<String> seen = dsl.transactionResult(configuration -> {
                insertLater(tenant, "later");
                return settingsOf(tenant);
            });

            assertEquals(List.of("later"), seen);
        }

        @Test
        void aStatementSentLaterIsGoneWithItsRolledBackTransaction() {
            String tenant = UUID.randomUUID().toString();

            assertThrows(IllegalStateException.class, () -> dsl.transaction(configuration -> {
                insertLater(tenant, "later");
                throw new IllegalStateException("abort");
            }));

            assertEquals(List.of(), settingsOf(tenant));
        }

        @Test
        void aStatementSentLaterThatFailsFailsTheCommitAndItsTransactionKeepsNothing() {
            String tenant = UUID.randomUUID().toString();
            String stored = UUID.randomUUID().toString();
            insert(stored, "stored");

            assertThrows(IntegrityConstraintViolationException.class, () -> dsl.transaction(configuration -> {
                insert(tenant, "new");
                insertLater(stored, "again");
            }));

            assertEquals(List.of(), settingsOf(tenant));
            assertEquals(List.of("stored"), settingsOf(stored));
            String after = UUID.randomUUID().toString();
            dsl.transaction(configuration -> insertLater(after, "after"));
            assertEquals(List.of("after"), settingsOf(after));
        }

        @Test
        void aStatementSentLaterInARolledBackSavepointIsGoneAndTheOneBeforeItStays() {
            String before = UUID.randomUUID().toString();
            String inside = UUID.randomUUID().toString();

            dsl.transaction(outer -> {
                insertLater(before, "before");
                assertThrows(IllegalStateException.class, () -> outer.dsl().transaction(nested -> {
                    insertLater(inside, "inside");
                    throw new IllegalStateException("abort the savepoint");
                }));
            });

            assertEquals(List.of("before"), settingsOf(before));
            assertEquals(List.of(), settingsOf(inside));
        }

        @Test
        void statementsSentLaterTogetherWithManyCommitsOfTheSameShapeAreAllStored() {
            // more commits than the driver runs before it prepares a statement on the server
            List<String> tenants = IntStream.range(0, 12).mapToObj(i -> UUID.randomUUID().toString())
                    .toList();

            for (String tenant : tenants) {
                dsl.transaction(configuration -> {
                    insertLater(tenant, "first");
                    statements.executeTogetherLater("together later", v -> List.of(dsl.update(TENANT_SETTINGS)
                            .set(TENANT_SETTINGS.RULES, v.of(TENANT_SETTINGS.RULES, "rules"))
                            .where(TENANT_SETTINGS.TENANT_ID.eq(v.of(TENANT_SETTINGS.TENANT_ID, tenant)))));
                });
            }

            for (String tenant : tenants) {
                assertEquals(List.of("first"), settingsOf(tenant));
                assertEquals("rules", dsl.select(TENANT_SETTINGS.RULES).from(TENANT_SETTINGS)
                        .where(TENANT_SETTINGS.TENANT_ID.eq(tenant)).fetchOne(TENANT_SETTINGS.RULES));
            }
        }

        @Test
        void anUpdateRunBeforeAQueryCountsTheRowsItChangedAndTheQuerySeesThem() {
            String tenant = UUID.randomUUID().toString();
            insert(tenant, "one");

            var changed = dsl.transactionResult(configuration -> statements.executeThenFetch("update, select",
                    v -> List.of(dsl.update(TENANT_SETTINGS)
                                    .set(TENANT_SETTINGS.SETTINGS, v.of(TENANT_SETTINGS.SETTINGS, "two"))
                                    .where(TENANT_SETTINGS.TENANT_ID.eq(v.of(TENANT_SETTINGS.TENANT_ID, tenant))),
                            dsl.select(TENANT_SETTINGS.SETTINGS).from(TENANT_SETTINGS)
                                    .where(TENANT_SETTINGS.TENANT_ID.eq(v.of(TENANT_SETTINGS.TENANT_ID, tenant)))),
                    row -> row.getString(1)));
            var none = statements.executeThenFetch("update, select", v -> List.of(dsl.update(TENANT_SETTINGS)
                            .set(TENANT_SETTINGS.SETTINGS, v.of(TENANT_SETTINGS.SETTINGS, "three"))
                            .where(TENANT_SETTINGS.TENANT_ID.eq(v.of(TENANT_SETTINGS.TENANT_ID, "nobody"))),
                    dsl.select(TENANT_SETTINGS.SETTINGS).from(TENANT_SETTINGS)
                            .where(TENANT_SETTINGS.TENANT_ID.eq(v.of(TENANT_SETTINGS.TENANT_ID, tenant)))),
                    row -> row.getString(1));

            assertEquals(1, changed.count());
            assertEquals(List.of("two"), changed.rows());
            assertEquals(0, none.count());
            assertEquals(List.of("two"), none.rows());
        }

        @Test
        void valuesGivenInAnotherOrderThanTheStatementBindsThemAreRefused() {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> statements.execute(
                    "swapped", v -> {
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
            settingsOf(tenant);

            assertThrows(IllegalStateException.class, () -> statements.fetch("select", v -> dsl
                    .select(TENANT_SETTINGS.SETTINGS).from(TENANT_SETTINGS)
                    .where(TENANT_SETTINGS.TENANT_ID.in(v.of(TENANT_SETTINGS.TENANT_ID, tenant),
                            v.of(TENANT_SETTINGS.TENANT_ID, "other"))), row -> row.getString(1)));
        }

        @Test
        void aDuplicateKeyIsAnIntegrityConstraintViolationNamingTheStatement() {
            String tenant = UUID.randomUUID().toString();
            insert(tenant, "one");

            IntegrityConstraintViolationException duplicate = assertThrows(
                    IntegrityConstraintViolationException.class, () -> insert(tenant, "two"));
            assertTrue(duplicate.getMessage().contains("insert into"), duplicate.getMessage());
            assertEquals(List.of("one"), settingsOf(tenant));
        }
    }
}
