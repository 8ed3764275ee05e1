package org.dedup.persistence.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.dedup.domain.model.TenantId;
import org.dedup.domain.store.Transactor;
import org.dedup.persistence.Database;
import org.dedup.persistence.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * A library's JDBC statements through {@link TransactionBoundDataSource} belong to the calling thread's transaction
 * (rolled back with it, committed with it), and commit alone outside one; no connection is lost either way.
 */
class TransactionBoundDataSourceTest {
    private static final TenantId TENANT = new TenantId("bound");
    private static final int WRITES = 20;

    @Test
    void onH2() {
        try (Database database = TestDatabases.h2()) {
            statementsJoinTheTransaction(database);
        }
    }

    @Test
    void onPostgres() {
        String schema = TestDatabases.createSchema("tx_bound");
        try (Database database = TestDatabases.postgres(schema, 2)) {
            statementsJoinTheTransaction(database);
        } finally {
            TestDatabases.dropSchema(schema);
        }
    }

    /** More writes than the pool has connections: one not given back would starve the next. */
    private static void statementsJoinTheTransaction(Database database) {
        Transactor transactor = database.adapters().transactor();
        DataSource bound = database.adapters().transactionBound();
        Consumer<String> insert = subject -> insert(bound, database.schema().qualify("write_audit"), subject);
        for (int i = 0; i < WRITES; i++) {
            String kept = "kept-" + i;
            String rolledBack = "rolled-back-" + i;
            insert.accept("alone-" + i);
            transactor.inTransaction(() -> {
                insert.accept(kept);
                return null;
            });
            assertThrows(IllegalStateException.class, () -> transactor.inTransaction(() -> {
                insert.accept(rolledBack);
                throw new IllegalStateException("the write after it failed");
            }));
        }

        var trail = database.adapters().auditTrail();
        for (int i = 0; i < WRITES; i++) {
            assertEquals(1, trail.about(TENANT, List.of("alone-" + i)).size(), "committed alone");
            assertEquals(1, trail.about(TENANT, List.of("kept-" + i)).size(), "committed with the transaction");
            assertEquals(0, trail.about(TENANT, List.of("rolled-back-" + i)).size(), "rolled back with it");
        }
    }

    private static void insert(DataSource bound, String table, String subject) {
        try (Connection connection = bound.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into " + table
                     + " (tenant_id, id, written_at, actor, action, subject) values (?, ?, ?, 'test', 'rules', ?)")) {
            insert.setString(1, TENANT.value());
            insert.setObject(2, UUID.randomUUID());
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.setString(4, subject);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
