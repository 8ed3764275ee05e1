package org.dedup.persistence.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.IntStream;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.TenantId;
import org.dedup.persistence.Database;
import org.dedup.persistence.JooqAdapters;
import org.dedup.persistence.TestDatabases;
import org.dedup.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The advisory key locks on PostgreSQL, observed from a second session with pg_try_advisory_lock (which answers
 * at once instead of waiting): held for the whole transaction, released when it ends, per tenant.
 */
class PostgresKeyLocksTest {
    private static final TenantId TENANT = new TenantId("acme");
    private static final MatchKey KEY = new MatchKey("primary_email", "locked@x.io");
    private static String schema;
    private static Database database;
    private static JooqAdapters adapters;

    @BeforeAll
    static void open() {
        schema = TestDatabases.createSchema("persist_locks");
        database = TestDatabases.postgres(schema, 2);
        adapters = database.adapters();
    }

    @AfterAll
    static void drop() {
        database.close();
        TestDatabases.dropSchema(schema);
    }

    /** Whether another session could take the lock now; takes and releases it if so. */
    private static boolean freeForOthers(TenantId tenant, MatchKey key) {
        return othersCould("pg_try_advisory_lock", JooqKeyLocks.hash(tenant, key));
    }

    /** Whether another session could take the advisory lock {@code hash} by {@code tryFunction} now. */
    private static boolean othersCould(String tryFunction, long hash) {
        try (Connection other = TestPostgres.connect();
             PreparedStatement probe = other.prepareStatement("select " + tryFunction + "(?)")) {
            probe.setLong(1, hash);
            try (ResultSet result = probe.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The transaction's next statement, which the locks taken before it go with. */
    private static void nextStatement() {
        database.dsl().fetchValue("select 1");
    }

    @Test
    void aKeyIsLockedFromTheTransactionsNextStatementUntilItEnds() {
        boolean[] held = adapters.transactor().inTransaction(() -> {
            adapters.keyLocks().lock(TENANT, List.of(KEY));
            boolean beforeNext = !freeForOthers(TENANT, KEY);
            nextStatement();
            return new boolean[] {beforeNext, !freeForOthers(TENANT, KEY)};
        });
        assertFalse(held[0], "sent with the next statement, not in a round trip of its own");
        assertTrue(held[1]);
        assertTrue(freeForOthers(TENANT, KEY));
    }

    @Test
    void theSameKeyOfAnotherTenantIsNotLocked() {
        boolean otherTenantFree = adapters.transactor().inTransaction(() -> {
            adapters.keyLocks().lock(TENANT, List.of(KEY));
            nextStatement();
            return freeForOthers(new TenantId("globex"), KEY);
        });
        assertTrue(otherTenantFree);
    }

    /** Whether another session could take the tenant lock shared now, as every small lock call does first. */
    private static boolean tenantFreeForOthers(TenantId tenant) {
        return othersCould("pg_try_advisory_lock_shared", JooqKeyLocks.tenantHash(tenant));
    }

    private static List<MatchKey> manyKeys(int count) {
        return IntStream.range(0, count).mapToObj(i -> new MatchKey("primary_email", "person" + i + "@x.io")).toList();
    }

    private static long advisoryLocksHeld() {
        return ((Number) database.dsl().fetchValue("select count(*) from pg_locks where locktype = 'advisory' "
                + "and pid = pg_backend_pid()")).longValue();
    }

    @Test
    void noLockCallHoldsMoreThanItsBudgetOfAdvisoryLocks() {
        long held = adapters.transactor().inTransaction(() -> {
            adapters.keyLocks().lock(TENANT, manyKeys(15_000));
            return advisoryLocksHeld();
        });
        assertEquals(1, held, "one exclusive tenant lock instead of 15,000 key locks");
        long small = adapters.transactor().inTransaction(() -> {
            adapters.keyLocks().lock(TENANT, manyKeys(JooqKeyLocks.MAX_KEY_LOCKS));
            return advisoryLocksHeld();
        });
        assertEquals(JooqKeyLocks.MAX_KEY_LOCKS + 1, small, "the tenant lock shared, then a lock per key");
    }

    @Test
    void aKeySetOverTheBudgetExcludesEveryOtherLockerOfTheTenantButNoOtherTenant() {
        boolean[] observed = adapters.transactor().inTransaction(() -> {
            adapters.keyLocks().lock(TENANT, manyKeys(JooqKeyLocks.MAX_KEY_LOCKS + 1));
            nextStatement();
            return new boolean[] {tenantFreeForOthers(TENANT), tenantFreeForOthers(new TenantId("globex"))};
        });
        assertFalse(observed[0], "a small lock call of the same tenant waits");
        assertTrue(observed[1], "another tenant goes on");
        assertTrue(tenantFreeForOthers(TENANT));
    }

    @Test
    void aSmallKeySetHoldsTheTenantLockSharedSoALargeOneWaitsForIt() {
        boolean largeCouldStart = adapters.transactor().inTransaction(() -> {
            adapters.keyLocks().lock(TENANT, List.of(KEY));
            nextStatement();
            return othersCould("pg_try_advisory_lock", JooqKeyLocks.tenantHash(TENANT));
        });
        assertFalse(largeCouldStart);
    }

    @Test
    void theLockHashNamesTenantNamespaceAndValueApart() {
        assertNotEquals(JooqKeyLocks.hash(TENANT, new MatchKey("ab", "c")), JooqKeyLocks.hash(TENANT, new MatchKey("a", "bc")));
        assertEquals(JooqKeyLocks.hash(TENANT, KEY), JooqKeyLocks.hash(new TenantId("acme"), KEY));
    }
}
