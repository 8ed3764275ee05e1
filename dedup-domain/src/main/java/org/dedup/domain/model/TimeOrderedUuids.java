package org.dedup.domain.model;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Version 7 UUIDs (RFC 9562): a Unix time in milliseconds in the first 48 bits, then 74 random bits. Records created
 * one after the other get ids that sort in about that order, so the database indexes keyed by them grow at one end
 * instead of taking writes on pages all over the tree; being random past the time, they are as hard to guess within
 * a millisecond as the version 4 ids they replace.
 */
public final class TimeOrderedUuids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;
    private static final long LOW_62_BITS = 0x3FFF_FFFF_FFFF_FFFFL;

    private TimeOrderedUuids() {
    }

    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long unixMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long mostSignificant = unixMillis << 16 | VERSION_7 | (random[0] & 0x0FL) << 8 | random[1] & 0xFFL;
        long leastSignificant = 0;
        for (int i = 2; i < random.length; i++) {
            leastSignificant = leastSignificant << 8 | random[i] & 0xFFL;
        }
        return new UUID(mostSignificant, VARIANT_RFC | leastSignificant & LOW_62_BITS);
    }
}
