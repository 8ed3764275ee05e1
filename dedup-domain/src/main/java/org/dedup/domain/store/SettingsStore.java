package org.dedup.domain.store;

import java.util.List;
import java.util.Optional;

import org.dedup.domain.model.TenantId;
import org.dedup.domain.rules.DuplicateRule;
import org.dedup.domain.settings.DuplicateControlSettings;

/** Port: each tenant's duplicate-control settings and duplicate rules. */
public interface SettingsStore {

    /** The settings the tenant saved; empty when none were. */
    Optional<DuplicateControlSettings> storedSettings(TenantId tenant);

    /** The tenant's settings, or {@link DuplicateControlSettings#defaults()} when none were saved. */
    default DuplicateControlSettings settings(TenantId tenant) {
        return storedSettings(tenant).orElseGet(DuplicateControlSettings::defaults);
    }

    void saveSettings(TenantId tenant, DuplicateControlSettings settings);

    /** The rules the tenant saved; empty when none were (duplicate search then uses {@code PreconfiguredRules}). */
    List<DuplicateRule> rules(TenantId tenant);

    void saveRules(TenantId tenant, List<DuplicateRule> rules);
}
