package org.dedup.app.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.dedup.domain.model.DedupException;

/**
 * The signature of a webhook request: the lowercase hex HMAC-SHA256, keyed with the webhook's secret, of the
 * {@code Dedup-Timestamp} header's value, a dot and the body as sent ({@code <timestamp>.<body>}). The timestamp in
 * the signed text lets a receiver refuse an old request replayed by someone who recorded it.
 */
final class WebhookSignature {
    private static final String HMAC = "HmacSHA256";

    private WebhookSignature() {
    }

    static String of(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new DedupException("the JDK cannot compute " + HMAC + ": " + e.getMessage(), e);
        }
    }
}
