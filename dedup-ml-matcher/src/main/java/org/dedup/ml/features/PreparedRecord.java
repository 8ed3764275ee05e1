package org.dedup.ml.features;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.dedup.ml.record.Attribute;
import org.dedup.ml.record.PersonRecord;

/**
 * A person record ready for comparison: each known attribute {@link PreparedValue prepared} once, so scoring one
 * record against tens of candidates does the per-value work once. Made by {@link PairFeatures#prepare}.
 */
public final class PreparedRecord {
    private final PersonRecord record;
    private final Map<Attribute, PreparedValue> values;

    PreparedRecord(PersonRecord record, Map<Attribute, Set<Comparison>> comparisons, ValueFrequencies frequencies) {
        this.record = record;
        this.values = new EnumMap<>(Attribute.class);
        record.values().forEach((attribute, text) -> values.put(attribute, PreparedValue.of(attribute, text,
                comparisons.getOrDefault(attribute, Set.of()), frequencies)));
    }

    public PersonRecord record() {
        return record;
    }

    /** The prepared value, or null when the record does not know the attribute. */
    PreparedValue value(Attribute attribute) {
        return values.get(attribute);
    }
}
