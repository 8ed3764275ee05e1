package org.dedup.app.config;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.dedup.domain.control.ConflictPolicy;
import org.dedup.domain.control.DuplicateControlSettings;
import org.dedup.domain.control.MultiMatchPolicy;
import org.dedup.domain.match.MatchMethod;
import org.dedup.domain.model.DedupException;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.standardize.EmailFolding;
import org.dedup.domain.standardize.StandardizationOptions;

/** A tenant: its API key and the duplicate-control settings it starts with. */
public record TenantConfig(String id, String apiKey, List<String> methods, String defaultRegion,
                           String conflictPolicy, String multiMatchPolicy, Integer mergeLimit) {
    public TenantConfig {
        if (id == null || id.isBlank()) {
            throw new ConfigException("tenants[].id", "is required");
        }
        if (apiKey == null || apiKey.length() < 16) {
            throw new ConfigException("tenants[" + id + "].apiKey", "is required and must be at least 16 characters");
        }
        methods = methods == null ? List.of("email", "phone") : List.copyOf(methods);
    }

    public TenantId tenantId() {
        try {
            return new TenantId(id);
        } catch (DedupException e) {
            throw new ConfigException("tenants[" + id + "].id", e.getMessage());
        }
    }

    /** The settings this tenant starts with, each option validated and named in the error. */
    public DuplicateControlSettings settings() {
        DuplicateControlSettings settings = DuplicateControlSettings.defaults();
        try {
            Set<MatchMethod> enabled = methods.stream().map(MatchMethod::new).collect(Collectors.toSet());
            settings = settings.withMethods(enabled);
        } catch (DedupException e) {
            throw new ConfigException("tenants[" + id + "].methods", e.getMessage());
        }
        if (defaultRegion != null) {
            try {
                settings = settings.withStandardization(new StandardizationOptions(defaultRegion, EmailFolding.NONE));
            } catch (DedupException e) {
                throw new ConfigException("tenants[" + id + "].defaultRegion", e.getMessage());
            }
        }
        if (conflictPolicy != null) {
            settings = settings.withConflictPolicy(parse(ConflictPolicy.class, conflictPolicy, "conflictPolicy"));
        }
        if (multiMatchPolicy != null) {
            settings = settings.withMultiMatchPolicy(parse(MultiMatchPolicy.class, multiMatchPolicy, "multiMatchPolicy"));
        }
        if (mergeLimit != null) {
            if (mergeLimit < 1) {
                throw new ConfigException("tenants[" + id + "].mergeLimit", "must be at least 1, was " + mergeLimit);
            }
            settings = settings.withMergeLimit(mergeLimit);
        }
        return settings;
    }

    private <E extends Enum<E>> E parse(Class<E> type, String value, String key) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("tenants[" + id + "]." + key, "must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ", was '" + value + "'");
        }
    }
}
