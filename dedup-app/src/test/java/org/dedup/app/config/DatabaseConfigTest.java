package org.dedup.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DatabaseConfigTest {
    @Test
    void aPlainH2UrlIsAccepted() {
        assertEquals("jdbc:h2:file:/var/dedup/db", DatabaseConfig.of("jdbc:h2:file:/var/dedup/db").url());
    }

    @Test
    void anH2UrlInAnotherCompatibilityModeFailsAtStartNamingTheSetting() {
        ConfigException refused = assertThrows(ConfigException.class,
                () -> DatabaseConfig.of("jdbc:h2:file:/var/dedup/db;MODE=MySQL"));
        assertEquals("invalid configuration: database.url is refused: the H2 setting MODE=MySQL cannot be used: dedup needs "
                + "MODE=PostgreSQL", refused.getMessage());
    }
}
