package org.dedup.ml.features;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dedup.ml.record.Attribute;
import org.dedup.ml.record.PersonRecord;
import org.dedup.ml.record.RecordSchema;

/**
 * How common each value (names, cities) or each word (company names, addresses) is, counted over the training
 * records, per attribute name. Agreeing on a rare surname says more than agreeing on "smith", sharing "jenner" more
 * than sharing "school". Stored in the model artifact so scoring uses the same table the model was trained with.
 */
public record ValueFrequencies(Map<String, Map<String, Integer>> counts, Map<String, Integer> totals) {

    public ValueFrequencies {
        counts = Map.copyOf(counts);
        totals = Map.copyOf(totals);
    }

    public static ValueFrequencies count(RecordSchema schema, List<PersonRecord> records) {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        Map<String, Integer> totals = new HashMap<>();
        for (Attribute attribute : schema.singleValued()) {
            List<Comparison> comparisons = KindComparisons.of(attribute.kind());
            boolean words = comparisons.contains(Comparison.RARE_TOKENS);
            if (!words && !comparisons.contains(Comparison.EQUAL_RARITY)) {
                continue;
            }
            Map<String, Integer> values = new HashMap<>();
            int total = 0;
            for (PersonRecord record : records) {
                if (record.has(attribute)) {
                    String value = record.value(attribute);
                    for (String counted : words ? value.split(" ") : new String[] {value}) {
                        values.merge(counted, 1, Integer::sum);
                        total++;
                    }
                }
            }
            counts.put(attribute.key(), Map.copyOf(values));
            totals.put(attribute.key(), total);
        }
        return new ValueFrequencies(counts, totals);
    }

    /**
     * The rarity of {@code value}, from 0 (every record has it) to 1 (seen at most once or never): the
     * inverse document frequency scaled by its largest possible value.
     */
    public double rarity(String attribute, String value) {
        return of(attribute).of(value);
    }

    /** The rarities of one attribute's values, its counts looked up once: what preparing each record reads. */
    public Rarities of(String attribute) {
        return new Rarities(counts.getOrDefault(attribute, Map.of()), totals.getOrDefault(attribute, 0));
    }

    /** The counts of one attribute's values (or words) and their total. */
    public static final class Rarities {
        private final Map<String, Integer> counts;
        private final int total;
        private final double logTotal;

        private Rarities(Map<String, Integer> counts, int total) {
            this.counts = counts;
            this.total = total;
            this.logTotal = Math.log(total);
        }

        /** The rarity of {@code value}, as {@link ValueFrequencies#rarity} gives it. */
        public double of(String value) {
            if (total < 2) {
                return 1.0;
            }
            int count = Math.max(1, counts.getOrDefault(value, 0));
            return Math.log((double) total / count) / logTotal;
        }
    }

    /** How many records of the training data hold {@code value} (as a whole value or a word). */
    public int count(String attribute, String value) {
        return counts.getOrDefault(attribute, Map.of()).getOrDefault(value, 0);
    }
}
