package org.dedup.domain.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.rules.DuplicateRule;
import org.dedup.domain.settings.DuplicateControlSettings;

/**
 * Keeps each tenant's settings and rules for a short time, so an arrival does not read them from the database on
 * every request (two statements and two connection checkouts per lead under load). A save through this store is
 * seen by the reads that start after it; a save by another process sharing the database (or a read racing a save)
 * at the latest after {@code timeToLive}.
 */
public final class CachingSettingsStore implements SettingsStore {
    private final SettingsStore store;
    private final Duration timeToLive;
    private final Clock clock;
    private final ConcurrentMap<TenantId, Cached<DuplicateControlSettings>> settings = new ConcurrentHashMap<>();
    private final ConcurrentMap<TenantId, Cached<List<DuplicateRule>>> rules = new ConcurrentHashMap<>();

    /** A value until a time; {@code rereading} once one reader is reading it again after that time. */
    private record Cached<T>(T value, Instant until, AtomicBoolean rereading) {
        Cached(T value, Instant until) {
            this(value, until, new AtomicBoolean());
        }
    }

    public CachingSettingsStore(SettingsStore store, Duration timeToLive, Clock clock) {
        this.store = Require.nonNull(store, "settings store");
        this.timeToLive = Require.nonNull(timeToLive, "time to live");
        this.clock = Require.nonNull(clock, "clock");
    }

    /** Not cached: what is stored now. */
    @Override
    public Optional<DuplicateControlSettings> storedSettings(TenantId tenant) {
        return store.storedSettings(tenant);
    }

    @Override
    public DuplicateControlSettings settings(TenantId tenant) {
        return fresh(settings, tenant, () -> store.settings(tenant));
    }

    @Override
    public void saveSettings(TenantId tenant, DuplicateControlSettings newSettings) {
        settings.remove(tenant);
        store.saveSettings(tenant, newSettings);
        settings.remove(tenant);
    }

    @Override
    public List<DuplicateRule> rules(TenantId tenant) {
        return fresh(rules, tenant, () -> store.rules(tenant));
    }

    @Override
    public void saveRules(TenantId tenant, List<DuplicateRule> newRules) {
        rules.remove(tenant);
        store.saveRules(tenant, newRules);
        rules.remove(tenant);
    }

    /**
     * The cached value while it is fresh. Once it has expired, one reader reads it again while the others go on with
     * the expired value for the few milliseconds that takes: every arrival of that moment reading it (all waiting for a
     * pooled connection under load) cost 3 to 4 reads a second instead of one.
     */
    private <T> T fresh(ConcurrentMap<TenantId, Cached<T>> cache, TenantId tenant, Supplier<T> read) {
        Instant now = clock.instant();
        Cached<T> cached = cache.get(tenant);
        if (cached != null && (now.isBefore(cached.until()) || !cached.rereading().compareAndSet(false, true))) {
            return cached.value();
        }
        try {
            T value = read.get();
            cache.put(tenant, new Cached<>(value, now.plus(timeToLive)));
            return value;
        } finally {
            if (cached != null) {
                cached.rereading().set(false); // a failed read leaves the next reader to try again
            }
        }
    }
}
