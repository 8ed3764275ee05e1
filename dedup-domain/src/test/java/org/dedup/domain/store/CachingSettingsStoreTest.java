package org.dedup.domain.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import org.dedup.domain.model.TenantId;
import org.dedup.domain.rules.DuplicateRule;
import org.dedup.domain.settings.DuplicateControlSettings;
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

    /** The in-memory store, with something done at each read of settings (given the read's number). */
    private final class WatchedStore implements SettingsStore {
        private final AtomicInteger reads = new AtomicInteger();
        private final IntConsumer atRead;

        WatchedStore(IntConsumer atRead) {
            this.atRead = atRead;
        }

        @Override
        public Optional<DuplicateControlSettings> storedSettings(TenantId tenant) {
            atRead.accept(reads.incrementAndGet());
            return database.storedSettings(tenant);
        }

        @Override
        public void saveSettings(TenantId tenant, DuplicateControlSettings settings) {
            database.saveSettings(tenant, settings);
        }

        @Override
        public List<DuplicateRule> rules(TenantId tenant) {
            return database.rules(tenant);
        }

        @Override
        public void saveRules(TenantId tenant, List<DuplicateRule> rules) {
            database.saveRules(tenant, rules);
        }
    }

    @Test
    void anExpiredValueIsReadAgainByOneReaderWhileTheOthersGoOnWithIt() throws Exception {
        CountDownLatch rereading = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        WatchedStore watched = new WatchedStore(read -> {
            if (read == 2) {
                rereading.countDown();
                awaitUninterruptibly(letGo);
            }
        });
        CachingSettingsStore store = new CachingSettingsStore(watched, Duration.ofSeconds(1), clock);
        store.settings(TENANT);
        database.saveSettings(TENANT, DuplicateControlSettings.defaults().withMergeLimit(7));
        clock.advance(Duration.ofSeconds(1));

        Thread rereader = Thread.ofVirtual().start(() -> store.settings(TENANT));
        rereading.await();
        int whileRereading = store.settings(TENANT).mergeLimit();
        letGo.countDown();
        rereader.join();

        assertEquals(DuplicateControlSettings.defaults().mergeLimit(), whileRereading);
        assertEquals(2, watched.reads.get());
        assertEquals(7, store.settings(TENANT).mergeLimit());
    }

    @Test
    void aFailedRereadLeavesTheNextReaderToReadAgain() {
        WatchedStore watched = new WatchedStore(read -> {
            if (read == 2) {
                throw new IllegalStateException("database gone");
            }
        });
        CachingSettingsStore store = new CachingSettingsStore(watched, Duration.ofSeconds(1), clock);
        store.settings(TENANT);
        clock.advance(Duration.ofSeconds(1));

        assertThrows(IllegalStateException.class, () -> store.settings(TENANT));
        store.settings(TENANT);

        assertEquals(3, watched.reads.get());
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
