package org.dedup.app;

import static org.dedup.matchers.testing.TestPlugins.closedMarker;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dedup.app.config.DatabaseConfig;
import org.dedup.app.config.DedupConfig;
import org.dedup.app.config.TenantConfig;
import org.dedup.matchers.testing.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DedupApplicationTest {
    @TempDir
    Path work;

    @Test
    void theApplicationClosesItsMatchersWhenItShutsDown() throws Exception {
        Path plugin = new TestPlugins(work).closingMatcher(work.resolve("plugins/closing.jar"), "closing");
        DedupConfig config = DedupConfig.defaults().withPluginsDir(plugin.getParent())
                .withDatabase(DatabaseConfig.of("jdbc:h2:mem:shutdown;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"))
                .withTenants(List.of(new TenantConfig("acme", "key-acme-0123456789", List.of("email", "closing"),
                        null, null, null, null)));
        DedupApplication app = DedupApplication.start(config);
        assertFalse(Files.exists(closedMarker(plugin)));

        app.close();

        assertTrue(Files.exists(closedMarker(plugin)));
    }
}
