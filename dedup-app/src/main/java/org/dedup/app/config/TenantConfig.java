package org.dedup.app.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dedup.domain.model.DedupException;
import org.dedup.domain.model.InvalidOptionException;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.SettingsSource;

/**
 * A tenant: its API key and the duplicate-control settings it is seeded with, every option of
 * {@link SettingsDocument} (those of {@code PUT /v1/settings}). The database holds a tenant's settings: the file's
 * only seed a tenant that has none stored, unless {@code settingsSource} is {@code file}.
 */
public record TenantConfig(String id, String apiKey, String settingsSource, List<String> methods,
                           List<SettingsDocument.FieldDto> matchedFields, Map<String, List<String>> scope,
                           String conflictPolicy, String multiMatchPolicy, Integer mergeLimit,
                           SettingsDocument.TaskDto afterMergeTask, String defaultRegion, String emailFolding) {
    public TenantConfig {
        if (id == null || id.isBlank()) {
            throw new ConfigException("tenants[].id", "is required");
        }
        if (apiKey == null || apiKey.length() < 16) {
            throw new ConfigException("tenants[" + id + "].apiKey", "is required and must be at least 16 characters");
        }
        methods = methods == null ? List.of("email", "phone") : List.copyOf(methods);
    }

    /** A tenant seeded with these options, the others at their defaults. */
    public TenantConfig(String id, String apiKey, List<String> methods, String defaultRegion, String conflictPolicy,
                        String multiMatchPolicy, Integer mergeLimit) {
        this(id, apiKey, null, methods, null, null, conflictPolicy, multiMatchPolicy, mergeLimit, null, defaultRegion,
                null);
    }

    public TenantId tenantId() {
        try {
            return new TenantId(id);
        } catch (DedupException e) {
            throw new ConfigException("tenants[" + id + "].id", e.getMessage());
        }
    }

    /** Where the tenant's settings come from at start: the database unless the file is said to win. */
    public SettingsSource source() {
        if (settingsSource == null) {
            return SettingsSource.DATABASE;
        }
        try {
            return SettingsSource.valueOf(settingsSource.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("tenants[" + id + "].settingsSource", "must be database or file, was '"
                    + settingsSource + "'");
        }
    }

    /** The settings the file gives this tenant, each option validated and named in the error. */
    public DuplicateControlSettings settings() {
        try {
            return new SettingsDocument(methods, matchedFields, scope, conflictPolicy, multiMatchPolicy, mergeLimit,
                    afterMergeTask, defaultRegion, emailFolding).toSettings();
        } catch (InvalidOptionException e) {
            throw new ConfigException("tenants[" + id + "]." + e.option(), e.problem());
        } catch (DedupException e) {
            throw new ConfigException("tenants[" + id + "]", e.getMessage());
        }
    }
}
