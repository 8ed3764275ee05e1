package org.dedup.domain.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.rules.DuplicateRule;
import org.dedup.domain.settings.DuplicateControlSettings;

/**
 * A settings store in which one tenant, the one a server's warm-up rehearses arrivals under, reads the settings and
 * rules of the served tenant it is told to mirror: its synthetic arrivals then go the way that tenant's do (its
 * methods, policies, scope and phone region), so the code compiled for them is the code that tenant's arrivals run.
 * Every other tenant, and the rehearsal tenant while it mirrors none, reads its own.
 */
public final class MirroringSettingsStore implements SettingsStore {
    private final TenantId rehearsal;
    private final SettingsStore store;
    /**
     * The rehearsal tenant and the tenant it reads for, or nothing: every read goes through the same lookup whether it
     * finds one or not, so that the code compiled while the warm-up mirrors is the code that serves real tenants.
     */
    private final Map<TenantId, TenantId> mirrored = new ConcurrentHashMap<>();

    public MirroringSettingsStore(TenantId rehearsal, SettingsStore store) {
        this.rehearsal = Require.nonNull(rehearsal, "rehearsal tenant");
        this.store = Require.nonNull(store, "settings store");
    }

    /** From now on the rehearsal tenant reads {@code served}'s settings and rules. */
    public void mirror(TenantId served) {
        if (Require.nonNull(served, "mirrored tenant").equals(rehearsal)) {
            throw new IllegalArgumentException("the rehearsal tenant cannot mirror itself");
        }
        mirrored.put(rehearsal, served);
    }

    /** From now on the rehearsal tenant reads its own settings again. */
    public void stopMirroring() {
        mirrored.clear();
    }

    private TenantId readFor(TenantId tenant) {
        return mirrored.getOrDefault(tenant, tenant);
    }

    @Override
    public Optional<DuplicateControlSettings> storedSettings(TenantId tenant) {
        return store.storedSettings(readFor(tenant));
    }

    @Override
    public DuplicateControlSettings settings(TenantId tenant) {
        return store.settings(readFor(tenant));
    }

    /** Saved for {@code tenant} itself, the rehearsal tenant too: a mirror is only read through. */
    @Override
    public void saveSettings(TenantId tenant, DuplicateControlSettings settings) {
        store.saveSettings(tenant, settings);
    }

    @Override
    public List<DuplicateRule> rules(TenantId tenant) {
        return store.rules(readFor(tenant));
    }

    @Override
    public void saveRules(TenantId tenant, List<DuplicateRule> rules) {
        store.saveRules(tenant, rules);
    }
}
