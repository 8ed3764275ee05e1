package org.dedup.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * V17, on PostgreSQL only (H2 has no fill factor): the pages of {@code lead} and {@code lead_contact} are filled to
 * 80 % from now on. A merge rewrites the survivor's row and its contacts' rows; with room left on their page,
 * PostgreSQL writes the new version there and touches no index (a HOT update), and later reads of the page prune the
 * old one. Full pages made every such update a new index entry and a dead row that only vacuum takes away, which on
 * a busy tenant meant vacuums of the two tables and their indexes while leads arrive. Pages written before keep their
 * fill until the table is rewritten (the scaling guide says how).
 */
final class RoomForUpdatesInPlace implements JavaMigration {
    static final int FILL_PERCENT = 80;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("17");
    }

    @Override
    public String getDescription() {
        return "room for updates in place";
    }

    @Override
    public Integer getChecksum() {
        return FILL_PERCENT;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String table : new String[] {"lead", "lead_contact"}) {
                statement.execute("alter table " + table + " set (fillfactor = " + FILL_PERCENT + ")");
            }
        }
    }
}
