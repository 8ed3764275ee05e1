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
        int total = totals.getOrDefault(attribute, 0);
        if (total < 2) {
            return 1.0;
        }
        int count = Math.max(1, counts.getOrDefault(attribute, Map.of()).getOrDefault(value, 0));
        return Math.log((double) total / count) / Math.log(total);
    }

    /** How many records of the training data hold {@code value} (as a whole value or a word). */
    public int count(String attribute, String value) {
        return counts.getOrDefault(attribute, Map.of()).getOrDefault(value, 0);
    }
}
