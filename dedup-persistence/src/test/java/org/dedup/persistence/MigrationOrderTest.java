package org.dedup.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration that lands after a higher version was applied is applied when it comes, not refused: a database at V8
 * (its migrations but V7, not one of those after V8, some of which build on V7) takes V7 with the later ones.
 */
class MigrationOrderTest {
    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");

    @Test
    void aDatabasePastV8TakesV7WhenItLands(@TempDir Path withoutV7) throws IOException, SQLException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> major(f) < 9 && major(f) != 7).toList()) {
                Files.copy(file, withoutV7.resolve(file.getFileName()));
            }
        }
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(H2Url.compatible("jdbc:h2:mem:order;DB_CLOSE_DELAY=-1"));
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).schemas("dedup").defaultSchema("dedup")
                .locations("filesystem:" + withoutV7).load().migrate();

        DedupSchema.DEFAULT.migrate(dataSource);

        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, "dedup", "review_item", null)) {
            assertTrue(tables.next(), "V7 applied after the later versions");
        }
    }

    /** The major version of a migration file: 8 for {@code V8_1__webhooks_and_outbox.sql}. */
    private static int major(Path migration) {
        return Integer.parseInt(migration.getFileName().toString().substring(1).split("_")[0]);
    }
}
