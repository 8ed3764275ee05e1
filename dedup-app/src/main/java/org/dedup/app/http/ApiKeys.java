package org.dedup.app.http;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dedup.app.config.TenantConfig;
import org.dedup.domain.model.TenantId;

/**
 * The tenants' API keys, kept as SHA-256 hashes only (the configuration keeps nothing else: {@link TenantConfig}). A
 * presented key is hashed and compared with every tenant's hash in constant time ({@link MessageDigest#isEqual}),
 * never looked up by its text, so the time an answer takes says nothing about how close a guess came.
 */
final class ApiKeys {
    private final List<Entry> entries;

    private record Entry(byte[] hash, TenantId tenant) {
    }

    private ApiKeys(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static ApiKeys of(Iterable<TenantConfig> tenants) {
        List<Entry> entries = new ArrayList<>();
        for (TenantConfig tenant : tenants) {
            entries.add(new Entry(tenant.apiKeyHash(), tenant.tenantId()));
        }
        return new ApiKeys(entries);
    }

    /** These keys and {@code key} of {@code tenant}. */
    ApiKeys with(TenantId tenant, String key) {
        List<Entry> more = new ArrayList<>(entries);
        more.add(new Entry(TenantConfig.sha256(key), tenant));
        return new ApiKeys(more);
    }

    /** The tenant whose key this is, if any. Every stored hash is compared, whichever matches. */
    Optional<TenantId> find(String presented) {
        byte[] hash = TenantConfig.sha256(presented);
        TenantId found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), hash)) {
                found = entry.tenant();
            }
        }
        return Optional.ofNullable(found);
    }

    static byte[] sha256(String text) {
        return TenantConfig.sha256(text);
    }
}
