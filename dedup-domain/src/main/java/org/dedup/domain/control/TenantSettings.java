package org.dedup.domain.control;

import java.util.Optional;
import java.util.Set;

import org.dedup.domain.index.LeadIndexing;
import org.dedup.domain.match.InstalledMatchers;
import org.dedup.domain.model.DedupException;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.SettingsSource;
import org.dedup.domain.store.SettingsStore;
import org.dedup.domain.store.StorageUnavailableException;

/**
 * A tenant's duplicate-control settings as a person saves them: refused unless every enabled method has an installed
 * matcher (a typo, or a plugin whose jar is missing, would otherwise silently stop matching), and kept in the
 * database, which a configuration file only seeds. A save that enables a method starts the reindex of the tenant's
 * leads for it ({@link LeadIndexing#settingsChanging}).
 */
public final class TenantSettings {
    private final SettingsStore store;
    private final InstalledMatchers matchers;
    private final LeadIndexing indexing;

    public TenantSettings(SettingsStore store, InstalledMatchers matchers, LeadIndexing indexing) {
        this.store = store;
        this.matchers = matchers;
        this.indexing = indexing;
    }

    public DuplicateControlSettings settings(TenantId tenant) {
        return store.settings(tenant);
    }

    /** @throws InvalidRecordException naming the enabled methods that have no matcher; nothing is saved then */
    public void save(TenantId tenant, DuplicateControlSettings settings) {
        matchers.requireInstalled(settings, "");
        saved(tenant, settings);
    }

    /** The reindex jobs first: settings saved with no job for a method they enable would call it indexed. */
    private void saved(TenantId tenant, DuplicateControlSettings settings) {
        indexing.settingsChanging(tenant, current(tenant), settings);
        store.saveSettings(tenant, settings);
    }

    /** The settings the stored leads were written with; unreadable ones tell nothing, so every method is reindexed. */
    private DuplicateControlSettings current(TenantId tenant) {
        try {
            return store.storedSettings(tenant).orElseGet(DuplicateControlSettings::defaults);
        } catch (StorageUnavailableException down) {
            throw down;
        } catch (DedupException unreadable) {
            return DuplicateControlSettings.defaults().withMethods(Set.of());
        }
    }

    /**
     * The settings a tenant starts with: those stored, or {@code fromFile} when none are stored or {@code source}
     * says the file wins (then saved). Both are checked, so a start names what would make the tenant fail.
     *
     * @throws InvalidRecordException naming the file's or the stored settings' problem
     */
    public DuplicateControlSettings atStart(TenantId tenant, DuplicateControlSettings fromFile,
                                            SettingsSource source) {
        matchers.requireInstalled(fromFile, "");
        if (source == SettingsSource.FILE) {
            saved(tenant, fromFile);
            return fromFile;
        }
        Optional<DuplicateControlSettings> stored = stored(tenant);
        if (stored.isEmpty()) {
            saved(tenant, fromFile);
            return fromFile;
        }
        matchers.requireInstalled(stored.get(), "stored settings: ");
        return stored.get();
    }

    private Optional<DuplicateControlSettings> stored(TenantId tenant) {
        try {
            return store.storedSettings(tenant);
        } catch (StorageUnavailableException down) {
            throw down;
        } catch (DedupException unreadable) {
            throw new InvalidRecordException("stored settings cannot be used (" + unreadable.getMessage()
                    + "); save valid ones, or start once with the file's settings winning");
        }
    }
}
