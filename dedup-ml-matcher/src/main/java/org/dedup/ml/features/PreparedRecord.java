package org.dedup.ml.features;

import java.util.List;
import java.util.Set;

import org.dedup.ml.record.Attribute;
import org.dedup.ml.record.PersonRecord;

/**
 * A record ready for comparison: each known attribute {@link PreparedValue prepared} once, so scoring one record
 * against tens of candidates does the per-value work once. Made by {@link PairFeatures#prepare}.
 */
public final class PreparedRecord {
    private final PersonRecord record;
    /** By position of the attribute in the schema's single-valued attributes; null when unknown. */
    private final PreparedValue[] values;

    PreparedRecord(PersonRecord record, List<Attribute> attributes, List<Set<Comparison>> comparisons,
                   List<ValueFrequencies.Rarities> rarities) {
        this.record = record;
        this.values = new PreparedValue[attributes.size()];
        for (int i = 0; i < values.length; i++) {
            Attribute attribute = attributes.get(i);
            if (record.has(attribute)) {
                values[i] = PreparedValue.of(record.value(attribute), comparisons.get(i), rarities.get(i));
            }
        }
    }

    public PersonRecord record() {
        return record;
    }

    /** The prepared value of the attribute at {@code position}, or null when the record does not know it. */
    PreparedValue value(int position) {
        return values[position];
    }
}
