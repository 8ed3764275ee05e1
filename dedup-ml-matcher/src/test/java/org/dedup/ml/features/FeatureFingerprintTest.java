package org.dedup.ml.features;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.dedup.ml.blocking.Blocker;
import org.dedup.ml.blocking.BlockingKeys;
import org.dedup.ml.record.LabelledRecords;
import org.dedup.ml.record.PersonPair;
import org.dedup.ml.record.PersonRecord;
import org.dedup.ml.record.RecordSchema;
import org.junit.jupiter.api.Test;

import static org.dedup.ml.TestData.chicago;
import static org.dedup.ml.TestData.febrl;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every feature of every pair blocked by all of a schema's keys, hashed bit for bit (SHA-256 of the doubles' bits),
 * with value frequencies counted on the same file: work on the speed of the comparisons must leave each feature, and
 * so each probability, exactly as it was. The hashes were taken before that work; they change only when a feature is
 * meant to change, and then {@link PairFeatures#SCHEMA_VERSION} changes with them. A record is prepared once and
 * compared with all its candidates, as scoring does, and each pair is also extracted from records prepared for it
 * alone: nothing a prepared record keeps may depend on the pairs it was scored in before.
 */
class FeatureFingerprintTest {
    @Test
    void everyFebrl3CandidatePairHasTheFeaturesItHadBeforeTheSpeedWork() {
        assertEquals("51453703a5e66fc059a4a5cf6b61b15ee116e40d7793671570fcdb6b2fc94706", fingerprint(RecordSchema.people(), febrl("dataset3.csv")));
    }

    @Test
    void everyChicagoCandidatePairHasTheFeaturesItHadBeforeTheSpeedWork() {
        assertEquals("a6e37cb82a24f100b5a06f1e554e19e5b6f46da69c78f17d92bcc8530b551cf3", fingerprint(RecordSchema.companies(), chicago("chicago.csv")));
    }

    private static String fingerprint(RecordSchema schema, LabelledRecords file) {
        PairFeatures features = new PairFeatures(schema, ValueFrequencies.count(schema, file.records()));
        List<PersonPair> pairs = new Blocker(BlockingKeys.all(schema)).dedupPairs(file.records()).stream()
                .sorted(Comparator.comparing((PersonPair p) -> p.first().id()).thenComparing(p -> p.second().id()))
                .toList();
        assertTrue(pairs.size() > 10_000, pairs.size() + " pairs");
        Map<PersonRecord, PreparedRecord> prepared = new IdentityHashMap<>();
        MessageDigest digest = sha256();
        ByteBuffer bits = ByteBuffer.allocate(Long.BYTES);
        for (PersonPair pair : pairs) {
            double[] x = features.extract(prepared.computeIfAbsent(pair.first(), features::prepare),
                    prepared.computeIfAbsent(pair.second(), features::prepare));
            assertArrayEquals(x, features.extract(pair.first(), pair.second()));
            for (double value : x) {
                digest.update(bits.clear().putLong(Double.doubleToRawLongBits(value)).array());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
