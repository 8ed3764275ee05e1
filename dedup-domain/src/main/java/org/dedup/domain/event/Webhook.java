package org.dedup.domain.event;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;

/**
 * Where a tenant's events go: an http(s) URL that each event is POSTed to, signed with the webhook's secret (an
 * HMAC-SHA256 of the body that the receiver checks with the same secret).
 */
public record Webhook(UUID id, TenantId tenant, URI url, String secret, Instant created) {
    public static final int MIN_SECRET = 16;
    public static final int MAX_SECRET = 200;
    public static final int MAX_URL = 2_000;

    public Webhook {
        Require.nonNull(id, "webhook id");
        Require.nonNull(tenant, "tenant");
        Require.nonNull(url, "url");
        Require.nonNull(secret, "secret");
        Require.nonNull(created, "creation time");
        if (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
            throw new InvalidRecordException("secret must be " + MIN_SECRET + " to " + MAX_SECRET
                    + " characters, was " + secret.length());
        }
    }

    /** A new webhook of the tenant; the URL must be an absolute http or https URL. */
    public static Webhook of(TenantId tenant, String url, String secret, Instant created) {
        return new Webhook(UUID.randomUUID(), tenant, parsed(url), secret, created);
    }

    private static URI parsed(String url) {
        Require.nonBlank(url, "url");
        if (url.length() > MAX_URL) {
            throw new InvalidRecordException("url must be at most " + MAX_URL + " characters, was " + url.length());
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidRecordException("url must be an absolute http or https URL, was '"
                        + Require.abbreviate(url) + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidRecordException("url is not a URL: " + e.getReason() + " ('" + Require.abbreviate(url)
                    + "')");
        }
    }
}
