package org.dedup.domain.match;

import java.io.Serializable;

import org.dedup.domain.model.Require;

/**
 * One line of an explanation: which field was compared, the two standardized values, how they were compared
 * and how similar they are (1.0 for equal).
 */
public record FieldMatch(String field, String incomingValue, String candidateValue, String comparison,
                         double similarity) implements Serializable {
    public FieldMatch {
        Require.nonBlank(field, "explained field");
        incomingValue = incomingValue == null ? "" : incomingValue;
        candidateValue = candidateValue == null ? "" : candidateValue;
        Require.nonBlank(comparison, "comparison");
    }

    public static FieldMatch equal(String field, String value) {
        return new FieldMatch(field, value, value, "equal", 1.0);
    }
}
