package org.dedup.app.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.dedup.app.config.TenantConfig;
import org.dedup.domain.model.TenantId;

/**
 * The tenants' API keys, kept as SHA-256 hashes only: the configuration may give the key or its hash
 * ({@code sha256:<64 hex digits>}). A presented key is hashed and compared with every tenant's hash in constant time
 * ({@link MessageDigest#isEqual}), never looked up by its text, so the time an answer takes says nothing about how
 * close a guess came.
 */
final class ApiKeys {
    static final String HASH_PREFIX = "sha256:";
    private static final int HASH_HEX_DIGITS = 64;
    private final List<Entry> entries;

    private record Entry(byte[] hash, TenantId tenant) {
    }

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static ApiKeys of(Iterable<TenantConfig> tenants) {
        List<Entry> entries = new ArrayList<>();
        for (TenantConfig tenant : tenants) {
            entries.add(new Entry(storedHash(tenant), tenant.tenantId()));
        }
        return new ApiKeys(entries);
    }

    /** The tenant whose key this is, if any. Every stored hash is compared, whichever matches. */
    Optional<TenantId> find(String presented) {
        byte[] hash = sha256(presented);
        TenantId found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), hash)) {
                found = entry.tenant();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The hash a configured key stands for: its own when it is given as {@code sha256:<hex>}. */
    static byte[] storedHash(String configured, String key) {
        if (configured.startsWith(HASH_PREFIX)) {
            String hex = configured.substring(HASH_PREFIX.length());
            if (hex.length() != HASH_HEX_DIGITS || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new org.dedup.app.config.ConfigException(key, "must be sha256: followed by 64 hexadecimal digits");
            }
            return HexFormat.of().parseHex(hex.toLowerCase(java.util.Locale.ROOT));
        }
        return sha256(configured);
    }

    private static byte[] storedHash(TenantConfig tenant) {
        return storedHash(tenant.apiKey(), "tenants[" + tenant.id() + "].apiKey");
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
