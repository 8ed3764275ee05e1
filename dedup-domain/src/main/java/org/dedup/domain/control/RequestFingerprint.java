package org.dedup.domain.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Require;

/**
 * The SHA-256 of a request's canonical form, stored with the decision taken under an idempotency key, so a later
 * request under the same key can be told a retry (same fingerprint) from a different request (IETF
 * Idempotency-Key draft, "request fingerprint").
 */
public record RequestFingerprint(String value) {
    private static final int HEX_LENGTH = 64;

    public RequestFingerprint {
        Require.nonNull(value, "request fingerprint");
        if (value.length() != HEX_LENGTH || !value.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new InvalidRecordException("request fingerprint must be 64 hexadecimal digits (SHA-256)");
        }
    }

    /** The fingerprint of a request in its canonical form (the caller decides what canonical means). */
    public static RequestFingerprint of(String canonicalRequest) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8));
            return new RequestFingerprint(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
