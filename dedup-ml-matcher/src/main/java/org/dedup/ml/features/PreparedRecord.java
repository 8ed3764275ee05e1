package org.dedup.ml.features;

import java.util.Arrays;
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
    /** By position: each comparison of the value with itself, what it gives against an equal value. */
    private final double[][] withItself;

    PreparedRecord(PersonRecord record, List<Attribute> attributes, Comparison[][] comparisons,
                   List<Set<Comparison>> comparisonSets, ValueFrequencies frequencies) {
        this.record = record;
        this.values = new PreparedValue[attributes.size()];
        this.withItself = new double[attributes.size()][];
        for (int i = 0; i < values.length; i++) {
            Attribute attribute = attributes.get(i);
            if (record.has(attribute)) {
                PreparedValue value = PreparedValue.of(attribute, record.value(attribute), comparisonSets.get(i),
                        frequencies);
                values[i] = value;
                withItself[i] = Arrays.stream(comparisons[i]).mapToDouble(c -> c.compare(value, value)).toArray();
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

    /** The comparisons of the value at {@code position} with itself, in feature order; null when it is unknown. */
    double[] withItself(int position) {
        return withItself[position];
    }
}
