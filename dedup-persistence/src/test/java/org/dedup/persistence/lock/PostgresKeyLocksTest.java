package org.dedup.persistence.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

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
        try (Connection other = TestPostgres.connect();
             PreparedStatement probe = other.prepareStatement("select pg_try_advisory_lock(?)")) {
            probe.setLong(1, JooqKeyLocks.hash(tenant, key));
            try (ResultSet result = probe.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aKeyIsLockedUntilTheTransactionEnds() {
        boolean heldInside = adapters.transactor().inTransaction(() -> {
            adapters.keyLocks().lock(TENANT, List.of(KEY));
            return !freeForOthers(TENANT, KEY);
        });
        assertTrue(heldInside);
        assertTrue(freeForOthers(TENANT, KEY));
    }

    @Test
    void theSameKeyOfAnotherTenantIsNotLocked() {
        boolean otherTenantFree = adapters.transactor().inTransaction(() -> {
            adapters.keyLocks().lock(TENANT, List.of(KEY));
            return freeForOthers(new TenantId("globex"), KEY);
        });
        assertTrue(otherTenantFree);
    }

    @Test
    void theLockHashNamesTenantNamespaceAndValueApart() {
        assertNotEquals(JooqKeyLocks.hash(TENANT, new MatchKey("ab", "c")), JooqKeyLocks.hash(TENANT, new MatchKey("a", "bc")));
        assertEquals(JooqKeyLocks.hash(TENANT, KEY), JooqKeyLocks.hash(new TenantId("acme"), KEY));
    }
}
