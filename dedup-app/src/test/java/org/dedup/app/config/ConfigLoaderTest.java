package org.dedup.app.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.core.index.ReindexPace;
import org.dedup.domain.control.LeadLimits;
import org.dedup.domain.model.CustomFieldDefinition;
import org.dedup.domain.model.CustomFieldType;
import org.dedup.domain.model.FieldLevel;
import org.dedup.domain.settings.AfterMerge;
import org.dedup.domain.settings.ConflictPolicy;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.settings.MultiMatchPolicy;
import org.dedup.domain.settings.SearchScope;
import org.dedup.domain.settings.SettingsSource;
import org.dedup.domain.standardize.EmailFolding;
import org.dedup.domain.standardize.StandardizationOptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        return Files.writeString(dir.resolve("dedup.yaml"), yaml);
    }

    @Test
    void withoutAFileTheEmbeddedDatabaseIsTheDefault() {
        DedupConfig config = new ConfigLoader().load(null, Map.of());
        assertTrue(config.database().url().startsWith("jdbc:h2:file:"));
        assertEquals(8080, config.http().port());
    }

    @Test
    void aTenantsPlainApiKeyIsKeptOnlyAsItsHash() throws IOException {
        DedupConfig config = new ConfigLoader().load(file("""
                tenants:
                  - id: acme
                    apiKey: acme-secret-key-0001
                """), Map.of());

        TenantConfig acme = config.tenants().getFirst();
        assertEquals("sha256:" + java.util.HexFormat.of().formatHex(TenantConfig.sha256("acme-secret-key-0001")),
                acme.apiKey());
        assertFalse(config.toString().contains("acme-secret-key-0001"), "nothing holds the plain key");
    }

    @Test
    void thePlainMetricsKeyIsKeptOnlyAsItsHash() throws IOException {
        DedupConfig config = new ConfigLoader().load(file("""
                http:
                  metricsKey: metrics-secret-key-0001
                """), Map.of());

        byte[] hash = TenantConfig.sha256("metrics-secret-key-0001");
        assertEquals("sha256:" + java.util.HexFormat.of().formatHex(hash), config.http().metricsKey());
        assertArrayEquals(hash, config.http().metricsKeyHash().orElseThrow());
        assertFalse(config.toString().contains("metrics-secret-key-0001"), "nothing holds the plain key");
    }

    @Test
    void aMetricsKeyGivenAsItsHashStandsForThePlainKey() throws IOException {
        String hex = java.util.HexFormat.of().formatHex(TenantConfig.sha256("metrics-secret-key-0001"));
        DedupConfig config = new ConfigLoader().load(file("""
                http:
                  metricsKey: sha256:%s
                """.formatted(hex.toUpperCase(java.util.Locale.ROOT))), Map.of());

        assertArrayEquals(TenantConfig.sha256("metrics-secret-key-0001"), config.http().metricsKeyHash().orElseThrow());
    }

    @Test
    void aMetricsKeyHashOfTheWrongLengthIsRefusedNamingTheKey() {
        ConfigException refused = assertThrows(ConfigException.class, () -> new ConfigLoader().load(file("""
                http:
                  metricsKey: sha256:abc
                """), Map.of()));

        assertTrue(refused.getMessage().contains("http.metricsKey must be sha256: followed by 64 hexadecimal"),
                refused.getMessage());
    }

    @Test
    void aTenantsKeyGivenAsItsHashIsKeptAsGivenInLowerCase() {
        String hex = java.util.HexFormat.of().formatHex(TenantConfig.sha256("acme-secret-key-0001"));

        TenantConfig acme = new TenantConfig("acme", "sha256:" + hex.toUpperCase(java.util.Locale.ROOT),
                List.of("email"), null, null, null, null);

        assertEquals("sha256:" + hex, acme.apiKey());
    }

    @Test
    void aFileConfiguresTenantsAndTheEnvironmentOverridesTheDatabase() throws IOException {
        Path file = file("""
                http:
                  port: 9090
                tenants:
                  - id: acme
                    apiKey: acme-secret-key-0001
                    methods: [email, phone, tracking_pixel]
                    defaultRegion: GB
                    multiMatchPolicy: update_all
                """);
        DedupConfig config = new ConfigLoader().load(file,
                Map.of("DEDUP_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/test"));

        assertEquals(9090, config.http().port());
        assertEquals("jdbc:postgresql://127.0.0.1:5432/test", config.database().url());
        assertEquals("postgres", config.database().user());
        assertEquals(MultiMatchPolicy.UPDATE_ALL, config.tenants().getFirst().settings().multiMatchPolicy());
        assertEquals("GB", config.tenants().getFirst().settings().standardization().defaultRegion());
    }

    @Test
    void everySettingCanBeWrittenInTheFile() throws IOException {
        Path file = file("""
                tenants:
                  - id: acme
                    apiKey: acme-secret-key-0001
                    settingsSource: file
                    methods: [email, custom_field]
                    matchedFields: [{key: inn, type: numeric, level: lead}]
                    scope: {sales: [incoming, qualified], support: []}
                    conflictPolicy: keep_existing
                    multiMatchPolicy: create_new
                    mergeLimit: 4
                    afterMergeTask: {text: Call back, dueInMinutes: 60, responsible: team}
                    defaultRegion: DE
                    emailFolding: gmail_dots_and_plus
                """);
        TenantConfig tenant = new ConfigLoader().load(file, Map.of()).tenants().getFirst();
        DuplicateControlSettings settings = tenant.settings();

        assertEquals(SettingsSource.FILE, tenant.source());
        assertEquals(Set.of(MatchMethod.EMAIL, MatchMethod.CUSTOM_FIELD), settings.methods());
        assertEquals(List.of(new CustomFieldDefinition("inn", CustomFieldType.NUMERIC, FieldLevel.LEAD)),
                settings.matchedFields());
        assertEquals(new SearchScope(Map.of("sales", Set.of("incoming", "qualified"), "support", Set.of())),
                settings.scope());
        assertEquals(ConflictPolicy.KEEP_EXISTING, settings.conflictPolicy());
        assertEquals(MultiMatchPolicy.CREATE_NEW, settings.multiMatchPolicy());
        assertEquals(4, settings.mergeLimit());
        assertEquals(new AfterMerge.CreateTask("Call back", Duration.ofMinutes(60), "team"), settings.afterMerge());
        assertEquals(new StandardizationOptions("DE", EmailFolding.GMAIL_DOTS_AND_PLUS), settings.standardization());
    }

    @Test
    void aSettingOutOfRangeFailsAtStartNamingIt() throws IOException {
        Path file = file("""
                tenants:
                  - id: acme
                    apiKey: acme-secret-key-0001
                    afterMergeTask: {text: Call back, dueInMinutes: 1000000000000, responsible: team}
                """);
        ConfigException error = assertThrows(ConfigException.class, () -> new ConfigLoader().load(file, Map.of()));
        assertTrue(error.getMessage().contains("tenants[acme].afterMergeTask.dueInMinutes must be between 0 and "
                + "525600"), error.getMessage());
        Path source = file("""
                tenants:
                  - id: acme
                    apiKey: acme-secret-key-0001
                    settingsSource: yaml
                """);
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> new ConfigLoader().load(source, Map.of()));
        assertTrue(unknown.getMessage().contains("tenants[acme].settingsSource must be database or file"),
                unknown.getMessage());
    }

    @Test
    void limitsAreReadFromTheFileTheOthersStayAtTheirDefaults() throws IOException {
        Path file = file("""
                limits:
                  emailsPerLead: 200
                  pixelsPerLead: 5
                  genericKeyLeads: 50
                """);
        LeadLimits limits = new ConfigLoader().load(file, Map.of()).limits().leadLimits();

        assertEquals(200, limits.emailsPerLead());
        assertEquals(5, limits.pixelsPerLead());
        assertEquals(50, limits.genericKeyLeads());
        assertEquals(LeadLimits.defaults().phonesPerLead(), limits.phonesPerLead());
    }

    @Test
    void aLimitOutOfRangeFailsAtStartNamingIt() throws IOException {
        Path file = file("""
                limits:
                  phonesPerContact: 100000
                """);
        ConfigException error = assertThrows(ConfigException.class, () -> new ConfigLoader().load(file, Map.of()));
        assertTrue(error.getMessage().contains("limits.phonesPerContact must be between 1 and 1000, was 100000"),
                error.getMessage());
    }

    @Test
    void theReindexWorksAQuarterOfTheTimeUnlessTheFileSaysOtherwise() throws IOException {
        Path file = file("""
                reindex:
                  timeShare: 0.5
                """);

        assertEquals(new ReindexPace(0.25), new ConfigLoader().load(null, Map.of()).reindex().pace());
        assertEquals(new ReindexPace(0.5), new ConfigLoader().load(file, Map.of()).reindex().pace());
    }

    @Test
    void aReindexTimeShareOutOfRangeFailsAtStartNamingIt() throws IOException {
        Path file = file("""
                reindex:
                  timeShare: 0
                """);
        ConfigException error = assertThrows(ConfigException.class, () -> new ConfigLoader().load(file, Map.of()));
        assertTrue(error.getMessage().contains("reindex.timeShare must be between 0.01 and 1"), error.getMessage());
    }

    @Test
    void anUnknownKeyFailsAtStartNamingTheKey() throws IOException {
        Path file = file("""
                http:
                  prot: 9090
                """);
        ConfigException error = assertThrows(ConfigException.class, () -> new ConfigLoader().load(file, Map.of()));
        assertTrue(error.getMessage().contains("http.prot"), error.getMessage());
    }

    @Test
    void anInvalidValueFailsAtStartNamingTheKey() throws IOException {
        Path file = file("""
                tenants:
                  - id: acme
                    apiKey: acme-secret-key-0001
                    conflictPolicy: overwrite
                """);
        ConfigException error = assertThrows(ConfigException.class, () -> new ConfigLoader().load(file, Map.of()));
        assertTrue(error.getMessage().contains("tenants[acme].conflictPolicy"), error.getMessage());
        ConfigException port = assertThrows(ConfigException.class,
                () -> new ConfigLoader().load(null, Map.of("DEDUP_HTTP_PORT", "eighty")));
        assertTrue(port.getMessage().contains("DEDUP_HTTP_PORT"), port.getMessage());
    }

    private ConfigException refused(String yaml) throws IOException {
        Path file = file(yaml);
        return assertThrows(ConfigException.class, () -> new ConfigLoader().load(file, Map.of()));
    }

    @Nested
    class RefusedAtStartNamingWhatIsWrong {
        @Test
        void aKeyGivenTwiceInTheFile() throws IOException {
            ConfigException twice = refused("""
                    http:
                      port: 9090
                    tenants:
                      - id: acme
                        apiKey: acme-secret-key-0001
                        apiKey: acme-secret-key-0002
                    """);

            assertEquals("invalid configuration: tenants[0].apiKey is given twice", twice.getMessage());
            assertEquals("invalid configuration: http is given twice",
                    refused("http:\n  port: 9090\nhttp:\n  port: 9091\n").getMessage());
            assertEquals("invalid configuration: http.port is given twice",
                    refused("http:\n  port: 9090\n  port: 9091\n").getMessage());
        }

        @Test
        void twoTenantsWithTheSameApiKey() throws IOException {
            ConfigException shared = refused("""
                    tenants:
                      - id: acme
                        apiKey: shared-secret-key-0001
                      - id: globex
                        apiKey: shared-secret-key-0001
                    """);

            assertEquals("invalid configuration: tenants[globex].apiKey is the same as tenants[acme].apiKey: each "
                    + "tenant needs its own", shared.getMessage());
            assertFalse(shared.getMessage().contains("shared-secret"), "the key itself is never printed");
        }

        @Test
        void twoTenantsWithTheSameApiKeyOneGivenAsItsHash() throws IOException {
            String hash = "sha256:" + java.util.HexFormat.of().formatHex(TenantConfig.sha256("shared-secret-key-0001"));

            ConfigException shared = refused("""
                    tenants:
                      - id: acme
                        apiKey: shared-secret-key-0001
                      - id: globex
                        apiKey: "%s"
                    """.formatted(hash));

            assertTrue(shared.getMessage().contains("tenants[globex].apiKey is the same as tenants[acme].apiKey"),
                    shared.getMessage());
        }

        @Test
        void aTenantIdGivenTwice() throws IOException {
            ConfigException twice = refused("""
                    tenants:
                      - id: acme
                        apiKey: acme-secret-key-0001
                      - id: acme
                        apiKey: acme-secret-key-0002
                    """);

            assertEquals("invalid configuration: tenants[acme].id is the same as tenants[acme].id: each tenant needs "
                    + "its own", twice.getMessage());
        }

        @Test
        void aDefaultRegionWithoutAPhoneNumberingPlan() throws IOException {
            ConfigException region = refused("""
                    tenants:
                      - id: acme
                        apiKey: acme-secret-key-0001
                        defaultRegion: XX
                    """);

            assertEquals("invalid configuration: tenants[acme].defaultRegion 'XX' is not a region phone numbers can "
                    + "be read in: an ISO 3166 code libphonenumber knows, such as GB, US or DE", region.getMessage());
        }

        @Test
        void aBodyLimitTheServerCannotHold() throws IOException {
            ConfigException body = refused("http:\n  maxBodyBytes: 2147483647\n");

            assertEquals("invalid configuration: http.maxBodyBytes must be between 1024 and 16777216, was "
                    + "2147483647", body.getMessage());
        }

        @Test
        void anArrivalLingerLongerThanATenthOfASecond() throws IOException {
            ConfigException linger = refused("http:\n  arrivalLingerMicros: 5000000\n");

            assertEquals("invalid configuration: http.arrivalLingerMicros must be between 0 and 100000, was 5000000",
                    linger.getMessage());
        }
    }
}
