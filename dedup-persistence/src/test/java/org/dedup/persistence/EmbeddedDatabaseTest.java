package org.dedup.persistence;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;

import org.dedup.domain.model.Lead;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: an H2 file database that keeps its data across restarts and migrates only once. */
class EmbeddedDatabaseTest {

    @Test
    void aLeadStoredBeforeARestartIsStillThereAfterIt(@TempDir Path directory) {
        String url = "jdbc:h2:file:" + directory.resolve("dedup")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        Lead lead = aLead().withEmail("kept@x.io").build();
        try (Database first = Database.embedded(url)) {
            first.migrate();
            first.adapters().leads().insert(lead, Set.of());
        }
        try (Database second = Database.embedded(url)) {
            second.migrate();
            assertEquals(lead, second.adapters().leads().find(TENANT, lead.id()).orElseThrow());
        }
    }

    @Test
    void aPlainH2UrlGetsTheSettingsTheSchemaNeeds(@TempDir Path directory) {
        String plain = "jdbc:h2:file:" + directory.resolve("plain");
        Lead lead = aLead().withEmail("plain@x.io").build();
        try (Database database = Database.open(plain, "sa", "", 2, DedupSchema.DEFAULT)) {
            database.migrate();
            database.adapters().leads().insert(lead, Set.of());
            assertEquals(lead, database.adapters().leads().find(TENANT, lead.id()).orElseThrow());
        }
        assertEquals(plain + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                H2Url.compatible(plain));
    }

    @Test
    void anH2UrlThatSetsARequiredSettingOtherwiseIsRefusedNamingIt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> H2Url.compatible("jdbc:h2:mem:x;mode=MySQL"));
        assertEquals("the H2 setting MODE=MySQL cannot be used: dedup needs MODE=PostgreSQL", refused.getMessage());
        assertEquals("jdbc:h2:mem:x;mode=postgresql;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                H2Url.compatible("jdbc:h2:mem:x;mode=postgresql"));
    }

    @Test
    void theEmbeddedDefaultIsAnH2FileInPostgreSqlMode() {
        assertEquals(SQLDialect.H2, Database.dialectOf(Database.EMBEDDED_URL));
        assertTrue(Database.EMBEDDED_URL.startsWith("jdbc:h2:file:./data/dedup;MODE=PostgreSQL"));
    }
}
