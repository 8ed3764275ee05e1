package org.dedup.domain.model;

import java.io.Serializable;
import java.math.BigDecimal;

/** The value of a text or numeric custom field. */
public sealed interface CustomFieldValue extends Serializable {
    int MAX_TEXT_LENGTH = 4_000;

    /** The value as text, the form standardization and explanations use. */
    String asText();

    record Text(String value) implements CustomFieldValue {
        public Text {
            Require.maxLength(Require.nonNull(value, "custom field text"), MAX_TEXT_LENGTH, "custom field text");
        }

        @Override
        public String asText() {
            return value;
        }
    }

    record Numeric(BigDecimal value) implements CustomFieldValue {
        public Numeric {
            Require.nonNull(value, "custom field number");
            value = value.stripTrailingZeros();
        }

        @Override
        public String asText() {
            return value.toPlainString();
        }
    }

    static CustomFieldValue text(String value) {
        return new Text(value);
    }

    static CustomFieldValue number(String value) {
        try {
            return new Numeric(new BigDecimal(Require.nonNull(value, "custom field number").trim()));
        } catch (NumberFormatException e) {
            throw new InvalidRecordException("custom field number '" + Require.abbreviate(value) + "' is not a number");
        }
    }
}
