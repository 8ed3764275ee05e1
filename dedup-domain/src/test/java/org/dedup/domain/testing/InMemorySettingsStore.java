package org.dedup.domain.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.dedup.domain.model.TenantId;
import org.dedup.domain.rules.DuplicateRule;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.store.SettingsStore;

public final class InMemorySettingsStore implements SettingsStore {
    private final Map<TenantId, DuplicateControlSettings> settings = new ConcurrentHashMap<>();
    private final Map<TenantId, List<DuplicateRule>> rules = new ConcurrentHashMap<>();

    @Override
    public Optional<DuplicateControlSettings> storedSettings(TenantId tenant) {
        return Optional.ofNullable(settings.get(tenant));
    }

    @Override
    public void saveSettings(TenantId tenant, DuplicateControlSettings newSettings) {
        settings.put(tenant, newSettings);
    }

    @Override
    public List<DuplicateRule> rules(TenantId tenant) {
        return rules.getOrDefault(tenant, List.of());
    }

    @Override
    public void saveRules(TenantId tenant, List<DuplicateRule> newRules) {
        rules.put(tenant, List.copyOf(newRules));
    }
}
