package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.dedup.app.config.ConfigException;
import org.dedup.app.config.HttpConfig;
import org.dedup.app.config.TenantConfig;
import org.dedup.core.arrivals.Rehearsal;
import org.dedup.domain.audit.AuditLog;
import org.dedup.domain.audit.DecisionHistory;
import org.dedup.domain.audit.TimePage;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.MirroringSettingsStore;
import org.dedup.domain.store.Transactor;
import org.dedup.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * The warm-up step of server start: rounds of synthetic arrivals, through the duplicate control and through the API,
 * before the port opens, none of them kept.
 */
class WarmUpHttpTest {
    private static final String KEY = "warm-key-0123456789";
    private static final List<TenantConfig> TENANTS = List.of(
            new TenantConfig("acme", KEY, List.of("email", "phone"), "GB", null, null, null));
    private static final int MAX_SECONDS = 3;

    @Test
    void aServerDecidesAndSendsSyntheticArrivalsBeforeItOpens() throws Exception {
        try (ServerOnPostgres server = warmServer()) {
            ServerWarmUp.Done done = server.api.warmedUp();

            assertTrue(done.rounds().rounds() >= 1, done.toString());
            assertTrue(done.decided().merged() > done.decided().arrivals() / 4,
                    "duplicates of stored people were merged: " + done);
            assertEquals(0, done.decided().failed(), done.toString());
            assertTrue(done.sent().sent() > 0, done.toString());
            assertEquals(done.sent().sent(), done.sent().answered(), "every request answered 200: " + done);
            assertEquals(200, server.send(server.request("/v1/settings").header("X-Api-Key", KEY)).statusCode());
        }
    }

    @Test
    void aServerWarmedUpLeavesNoRowThatAServerStartedColdHasNot() throws SQLException {
        try (ServerOnPostgres warm = warmServer();
             ServerOnPostgres cold = ServerOnPostgres.start("coldup", HttpConfig.on(0, 16_384), TENANTS)) {
            assertTrue(warm.api.warmedUp().decided().arrivals() > 0);

            assertEquals(rowsPerTable(cold.schema), rowsPerTable(warm.schema));
            assertEquals(0, warm.app.get(LeadRepository.class).count(WarmUp.TENANT));
            assertEquals(List.of(), warm.app.get(AuditLog.class).decisions(WarmUp.TENANT,
                    new DecisionHistory.Query(Optional.empty(), Set.of(),
                            new TimePage(Instant.EPOCH, TimePage.END, Optional.empty(), 10).oneMore())));
        }
    }

    @Test
    void aRoundRehearsesAServedTenantsArrivalsWithItsSettingsAndPhonesWrittenAsInItsRegion() {
        try (ServerOnPostgres server = warmServer()) {
            MirroringSettingsStore settings = server.app.get(MirroringSettingsStore.class);
            WarmUp warmUp = new WarmUp(server.app.get(DuplicateControl.class), new Rehearsal(WarmUp.TENANT,
                    server.app.get(Transactor.class)), new JsonBodies(), settings);
            TenantId acme = new TenantId("acme");

            SyntheticLeads leads = warmUp.rehearsing(Optional.of(acme));
            WarmUp.Done done = warmUp.round(leads);

            assertEquals(settings.settings(acme), settings.settings(WarmUp.TENANT));
            assertEquals("GB", settings.settings(WarmUp.TENANT).standardization().defaultRegion());
            assertTrue(done.merged() > done.arrivals() / 4, "duplicates written in GB's national formats: " + done);
            assertEquals(0, done.failed(), done.toString());
            warmUp.stopRehearsing();
            assertEquals(DuplicateControlSettings.defaults(), settings.settings(WarmUp.TENANT));
        }
    }

    @Test
    void thePortHoldsABurstOfAThousandConnectingClientsUntilTheyAreAccepted() {
        try (ServerOnPostgres server = warmServer()) {
            assertTrue(server.api.acceptQueue() >= 1_000, "listen backlog " + server.api.acceptQueue());
        }
    }

    @Test
    void theWarmUpsKeyIsRefusedOnceTheServerListens() throws Exception {
        try (ServerOnPostgres server = warmServer()) {
            assertEquals(401, server.send(server.request("/v1/settings")
                    .header("X-Api-Key", server.api.httpWarmUp().key())).statusCode());
        }
    }

    @Test
    void aConfiguredTenantCannotTakeTheWarmUpsName() {
        try (ServerOnPostgres server = ServerOnPostgres.start("warmup", HttpConfig.on(0, 16_384), TENANTS)) {
            ConfigException refused = assertThrows(ConfigException.class, () -> new HttpApi(HttpConfig.on(0, 16_384),
                    List.of(new TenantConfig(WarmUp.TENANT.value(), "warm-up-key-0123456789", List.of("email"), null,
                            null, null, null)), server.app.apiServices()));
            assertTrue(refused.getMessage().contains("reserved"), refused.getMessage());
        }
    }

    private static ServerOnPostgres warmServer() {
        return ServerOnPostgres.start("warmup", HttpConfig.on(0, 16_384).withWarmUp(MAX_SECONDS), TENANTS);
    }

    /** Every table of the schema (the migrations' history aside) with its number of rows. */
    private static Map<String, Long> rowsPerTable(String schema) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection connection = TestPostgres.connect(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet found = statement.executeQuery("select table_name from information_schema.tables "
                    + "where table_type = 'BASE TABLE' and table_schema = '" + schema + "'")) {
                while (found.next()) {
                    tables.add(found.getString(1));
                }
            }
            tables.remove("flyway_schema_history");
            for (String table : tables) {
                try (ResultSet count = statement.executeQuery("select count(*) from " + schema + "." + table)) {
                    count.next();
                    rows.put(table, count.getLong(1));
                }
            }
        }
        assertTrue(rows.size() > 10, "the schema's tables were found: " + rows.keySet());
        return rows;
    }
}
