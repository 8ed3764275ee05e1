package org.dedup.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.dedup.app.DedupApplication;
import org.dedup.domain.control.TenantSettings;
import org.dedup.domain.model.TenantId;
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
}
