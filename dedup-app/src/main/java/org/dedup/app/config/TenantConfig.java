package org.dedup.app.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
 * only seed a tenant that has none stored, unless {@code settingsSource} is {@code file}. The configuration may give
 * the key or its hash ({@code sha256:<64 hexadecimal digits>}); either way {@code apiKey} holds only the hash from
 * construction on, so the plain key never stays in memory with the configuration.
 */
public record TenantConfig(String id, String apiKey, String settingsSource, List<String> methods,
                           List<SettingsDocument.FieldDto> matchedFields, Map<String, List<String>> scope,
                           String conflictPolicy, String multiMatchPolicy, Integer mergeLimit,
                           SettingsDocument.TaskDto afterMergeTask, String defaultRegion, String emailFolding) {
    public static final String HASH_PREFIX = "sha256:";
    private static final int HASH_HEX_DIGITS = 64;
    private static final int MIN_KEY_LENGTH = 16;
    public TenantConfig {
        if (id == null || id.isBlank()) {
            throw new ConfigException("tenants[].id", "is required");
        }
        apiKey = hashed(apiKey, "tenants[" + id + "].apiKey");
        methods = methods == null ? List.of("email", "phone") : List.copyOf(methods);
    }

    /** A tenant seeded with these options, the others at their defaults. */
    public TenantConfig(String id, String apiKey, List<String> methods, String defaultRegion, String conflictPolicy,
                        String multiMatchPolicy, Integer mergeLimit) {
        this(id, apiKey, null, methods, null, null, conflictPolicy, multiMatchPolicy, mergeLimit, null, defaultRegion,
                null);
    }

    /** The key as {@code sha256:<64 lower-case hexadecimal digits>}: a plain key hashed, a given hash checked. */
    public static String hashed(String apiKey, String key) {
        if (apiKey != null && apiKey.startsWith(HASH_PREFIX)) {
            String hex = apiKey.substring(HASH_PREFIX.length());
            if (hex.length() != HASH_HEX_DIGITS || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new ConfigException(key, "must be sha256: followed by 64 hexadecimal digits");
            }
            return HASH_PREFIX + hex.toLowerCase(Locale.ROOT);
        }
        if (apiKey == null || apiKey.length() < MIN_KEY_LENGTH) {
            throw new ConfigException(key, "is required and must be at least " + MIN_KEY_LENGTH + " characters");
        }
        return HASH_PREFIX + HexFormat.of().formatHex(sha256(apiKey));
    }

    /** The SHA-256 of the text's UTF-8 bytes. */
    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The hash of the key as bytes. */
    public byte[] apiKeyHash() {
        return hashBytes(apiKey);
    }

    /** The bytes of a key {@linkplain #hashed hashed} as {@code sha256:<hex>}. */
    static byte[] hashBytes(String hashed) {
        return HexFormat.of().parseHex(hashed.substring(HASH_PREFIX.length()));
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
