package org.dedup.domain.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.dedup.domain.control.DuplicateControlSettings;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.testing.InMemorySettingsStore;
import org.dedup.domain.testing.MutableClock;
import org.junit.jupiter.api.Test;

class CachingSettingsStoreTest {
    private static final TenantId TENANT = new TenantId("acme");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemorySettingsStore database = new InMemorySettingsStore();
    private final CachingSettingsStore cached = new CachingSettingsStore(database, Duration.ofSeconds(1), clock);

    @Test
    void aSaveThroughTheCacheIsReadAtOnce() {
        cached.settings(TENANT);
        cached.saveSettings(TENANT, DuplicateControlSettings.defaults().withMergeLimit(7));

        assertEquals(7, cached.settings(TENANT).mergeLimit());
    }

    @Test
    void aSaveByAnotherProcessIsReadOnceTheTimeToLiveHasPassed() {
        cached.settings(TENANT);
        database.saveSettings(TENANT, DuplicateControlSettings.defaults().withMergeLimit(7));

        assertEquals(DuplicateControlSettings.defaults().mergeLimit(), cached.settings(TENANT).mergeLimit());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(7, cached.settings(TENANT).mergeLimit());
    }
}
