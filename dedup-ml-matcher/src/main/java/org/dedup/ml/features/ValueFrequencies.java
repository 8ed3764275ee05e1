package org.dedup.ml.features;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dedup.ml.record.Attribute;
import org.dedup.ml.record.PersonRecord;

/**
 * How common each value of the name-like attributes is, counted over the training records. Agreeing on a rare
 * surname says more than agreeing on "smith": the term-frequency features weigh an equal value by its rarity.
 * Stored in the model artifact so scoring uses the same table the model was trained with.
 */
public record ValueFrequencies(Map<Attribute, Map<String, Integer>> counts, Map<Attribute, Integer> totals) {
    /** The attributes whose value frequencies are counted. */
    public static final List<Attribute> COUNTED = List.of(Attribute.GIVEN_NAME, Attribute.SURNAME, Attribute.SUBURB);

    public ValueFrequencies {
        counts = Map.copyOf(counts);
        totals = Map.copyOf(totals);
    }

    public static ValueFrequencies count(List<PersonRecord> records) {
        Map<Attribute, Map<String, Integer>> counts = new EnumMap<>(Attribute.class);
        Map<Attribute, Integer> totals = new EnumMap<>(Attribute.class);
        for (Attribute attribute : COUNTED) {
            Map<String, Integer> values = new HashMap<>();
            int total = 0;
            for (PersonRecord record : records) {
                if (record.has(attribute)) {
                    values.merge(record.value(attribute), 1, Integer::sum);
                    total++;
                }
            }
            counts.put(attribute, Map.copyOf(values));
            totals.put(attribute, total);
        }
        return new ValueFrequencies(counts, totals);
    }

    /**
     * The rarity of {@code value}, from 0 (every record has it) to 1 (seen at most once or never): the
     * inverse document frequency scaled by its largest possible value.
     */
    public double rarity(Attribute attribute, String value) {
        int total = totals.getOrDefault(attribute, 0);
        if (total < 2) {
            return 1.0;
        }
        int count = Math.max(1, counts.getOrDefault(attribute, Map.of()).getOrDefault(value, 0));
        return Math.log((double) total / count) / Math.log(total);
    }
}
