package org.dedup.persistence.settings;

import static org.dedup.persistence.jooq.Tables.TENANT_SETTINGS;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;

import org.dedup.domain.model.TenantId;
import org.dedup.domain.rules.DuplicateRule;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.store.SettingsStore;
import org.dedup.persistence.failure.Storage;
import org.dedup.persistence.json.DocumentCodec;
import org.jooq.DSLContext;

/** Each tenant's settings and rules as JSON documents in {@code tenant_settings}. */
public final class JooqSettingsStore implements SettingsStore {
    private static final TypeReference<List<DuplicateRule>> RULES = new TypeReference<>() {
    };
    private final DSLContext dsl;
    private final DocumentCodec codec;

    public JooqSettingsStore(DSLContext dsl, DocumentCodec codec) {
        this.dsl = dsl;
        this.codec = codec;
    }

    @Override
    public Optional<DuplicateControlSettings> storedSettings(TenantId tenant) {
        return Storage.attempt("read", "settings", tenant, () -> dsl.select(TENANT_SETTINGS.SETTINGS).from(TENANT_SETTINGS)
                .where(TENANT_SETTINGS.TENANT_ID.eq(tenant.value()), TENANT_SETTINGS.SETTINGS.isNotNull())
                .fetchOptional(TENANT_SETTINGS.SETTINGS)
                .map(json -> codec.read(json, DuplicateControlSettings.class)));
    }

    @Override
    public void saveSettings(TenantId tenant, DuplicateControlSettings settings) {
        String json = codec.write(settings);
        Storage.run("save", "settings", tenant, () -> dsl
                .insertInto(TENANT_SETTINGS, TENANT_SETTINGS.TENANT_ID, TENANT_SETTINGS.SETTINGS)
                .values(tenant.value(), json)
                .onConflict(TENANT_SETTINGS.TENANT_ID).doUpdate().set(TENANT_SETTINGS.SETTINGS, json)
                .execute());
    }

    @Override
    public List<DuplicateRule> rules(TenantId tenant) {
        return Storage.attempt("read", "rules", tenant, () -> dsl.select(TENANT_SETTINGS.RULES).from(TENANT_SETTINGS)
                .where(TENANT_SETTINGS.TENANT_ID.eq(tenant.value()), TENANT_SETTINGS.RULES.isNotNull())
                .fetchOptional(TENANT_SETTINGS.RULES)
                .map(json -> codec.read(json, RULES))
                .orElseGet(List::of));
    }

    @Override
    public void saveRules(TenantId tenant, List<DuplicateRule> rules) {
        String json = codec.write(rules);
        Storage.run("save", "rules", tenant, () -> dsl
                .insertInto(TENANT_SETTINGS, TENANT_SETTINGS.TENANT_ID, TENANT_SETTINGS.RULES)
                .values(tenant.value(), json)
                .onConflict(TENANT_SETTINGS.TENANT_ID).doUpdate().set(TENANT_SETTINGS.RULES, json)
                .execute());
    }
}
