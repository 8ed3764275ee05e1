package org.dedup.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.dedup.app.config.ConfigException;
import org.dedup.app.config.HttpConfig;
import org.dedup.app.config.TenantConfig;
import org.dedup.domain.audit.AuditLog;
import org.dedup.domain.audit.DecisionHistory;
import org.dedup.domain.audit.TimePage;
import org.dedup.domain.store.LeadRepository;
import org.junit.jupiter.api.Test;

/** The warm-up step of server start: synthetic arrivals decided before the port opens, none of them kept. */
class WarmUpHttpTest {
    private static final String KEY = "warm-key-0123456789";
    private static final List<TenantConfig> TENANTS = List.of(
            new TenantConfig("acme", KEY, List.of("email", "phone"), "GB", null, null, null));

    @Test
    void aServerDecidesSyntheticArrivalsOneByOneAndInBatchesBeforeItOpensAndKeepsNoneOfThem() throws Exception {
        try (ServerOnPostgres server = ServerOnPostgres.start("warmup", HttpConfig.on(0, 16_384).withWarmUp(60),
                TENANTS)) {
            WarmUp.Done done = server.api.warmedUp();

            assertEquals(60, done.arrivals());
            assertTrue(done.together() > 0 && done.together() < 60, "some decided together, some alone: " + done);
            assertTrue(done.merged() >= 10, "duplicates among them were merged: " + done);
            assertEquals(0, server.app.get(LeadRepository.class).count(WarmUp.TENANT));
            assertEquals(List.of(), server.app.get(AuditLog.class).decisions(WarmUp.TENANT,
                    new DecisionHistory.Query(Optional.empty(), Set.of(),
                            new TimePage(Instant.EPOCH, TimePage.END, Optional.empty(), 10)
                                    .oneMore())));
            assertEquals(200, server.send(server.request("/v1/settings").header("X-Api-Key", KEY)).statusCode());
        }
    }

    @Test
    void aServerWarmsUpItsHttpSideBeforeItOpensAndItsWarmUpKeyIsRefusedOnceItListens() throws Exception {
        try (ServerOnPostgres server = ServerOnPostgres.start("warmup", HttpConfig.on(0, 16_384).withWarmUp(40),
                TENANTS)) {
            HttpWarmUp.Done done = server.api.httpWarmedUp();

            assertEquals(new HttpWarmUp.Done(40, 40, done.took()), done, "every check answered 200");
            assertEquals(0, server.app.get(LeadRepository.class).count(WarmUp.TENANT));
            assertEquals(401, server.send(server.request("/v1/settings")
                    .header("X-Api-Key", server.api.httpWarmUp().key())).statusCode());
            assertEquals(200, server.send(server.request("/v1/settings").header("X-Api-Key", KEY)).statusCode());
        }
    }

    @Test
    void aConfiguredTenantCannotTakeTheWarmUpsName() throws Exception {
        try (ServerOnPostgres server = ServerOnPostgres.start("warmup", HttpConfig.on(0, 16_384), TENANTS)) {
            ConfigException refused = assertThrows(ConfigException.class, () -> new HttpApi(HttpConfig.on(0, 16_384),
                    List.of(new TenantConfig(WarmUp.TENANT.value(), "warm-up-key-0123456789", List.of("email"), null,
                            null, null, null)), server.app.apiServices()));
            assertTrue(refused.getMessage().contains("reserved"), refused.getMessage());
        }
    }
}
