package org.dedup.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.dedup.app.DedupApplication;
import org.dedup.domain.control.TenantSettings;
import org.dedup.domain.model.TenantId;
import org.dedup.persistence.DedupSchema;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseConfigTest {
    @TempDir
    Path dir;

    @Test
    void aPlainH2UrlIsAccepted() {
        assertEquals("jdbc:h2:file:/var/dedup/db", DatabaseConfig.of("jdbc:h2:file:/var/dedup/db").url());
    }

    @Test
    void aPlainH2FileUrlStartsTheApplicationWithItsTenants() {
        DedupConfig config = DedupConfig.defaults().withDatabase(DatabaseConfig.of("jdbc:h2:file:" + dir.resolve("db")))
                .withTenants(List.of(new TenantConfig("acme", "acme-secret-key-0001", List.of("email"), "DE", null,
                        null, null)));

        try (DedupApplication app = DedupApplication.start(config)) {
            assertEquals("DE", app.get(TenantSettings.class).settings(new TenantId("acme")).standardization()
                    .defaultRegion());
        }
    }

    @Test
    void anH2UrlInAnotherCompatibilityModeFailsAtStartNamingTheSetting() {
        ConfigException refused = assertThrows(ConfigException.class,
                () -> DatabaseConfig.of("jdbc:h2:file:/var/dedup/db;MODE=MySQL"));
        assertEquals("invalid configuration: database.url is refused: the H2 setting MODE=MySQL cannot be used: dedup needs "
                + "MODE=PostgreSQL", refused.getMessage());
    }

    @Nested
    class TheSchemaOfDedupsTables {
        @TempDir
        Path dir;

        @Test
        void isDedupUnlessConfigured() {
            assertEquals(DedupSchema.named("dedup"), DatabaseConfig.embedded().dedupSchema());
        }

        @Test
        void isReadFromTheKeyDatabaseSchemaAndKeptWhenTheEnvironmentOverridesTheUrl() throws IOException {
            Path file = Files.writeString(dir.resolve("dedup.yaml"), """
                    database:
                      url: jdbc:postgresql://127.0.0.1:5432/crm
                      schema: crm_dedup
                    """);

            DedupConfig config = new ConfigLoader().load(file,
                    Map.of("DEDUP_DATABASE_URL", "jdbc:postgresql://10.0.0.1:5432/crm"));

            assertEquals(DedupSchema.named("crm_dedup"), config.database().dedupSchema());
        }

        @Test
        void thatIsNotALowerCaseIdentifierFailsAtStartNamingTheKey() {
            ConfigException refused = assertThrows(ConfigException.class,
                    () -> DatabaseConfig.embedded().withSchema("dedup; drop table lead"));
            assertEquals("invalid configuration: database.schema is refused: the schema must be a lower-case SQL"
                    + " identifier (letters a-z, digits and _, at most 63, not starting with a digit), was"
                    + " 'dedup; drop table lead'", refused.getMessage());
        }
    }
}
