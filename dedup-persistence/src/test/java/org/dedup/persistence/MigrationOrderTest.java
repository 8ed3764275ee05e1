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

/** A migration that lands after a higher version was applied is applied when it comes, not refused. */
class MigrationOrderTest {
    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");

    @Test
    void aDatabasePastV8TakesV7WhenItLands(@TempDir Path withoutV7) throws IOException, SQLException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().startsWith("V7")).toList()) {
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
}
