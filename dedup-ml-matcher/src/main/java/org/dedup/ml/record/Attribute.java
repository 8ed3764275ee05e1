package org.dedup.ml.record;

/**
 * The single-valued attributes of a person that the BIG DATA matcher compares. Emails and phones, which a
 * person may have several of, are held apart in {@link PersonRecord}. The key is the attribute's name in record
 * files and the default custom-field key a lead carries it under.
 */
public enum Attribute {
    GIVEN_NAME("given_name"),
    SURNAME("surname"),
    STREET_NUMBER("street_number"),
    ADDRESS_1("address_1"),
    ADDRESS_2("address_2"),
    SUBURB("suburb"),
    POSTCODE("postcode"),
    STATE("state"),
    DATE_OF_BIRTH("date_of_birth"),
    ID_NUMBER("soc_sec_id"),
    COMPANY("company");

    private final String key;

    Attribute(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Attribute fromKey(String key) {
        for (Attribute attribute : values()) {
            if (attribute.key.equals(key)) {
                return attribute;
            }
        }
        throw new IllegalArgumentException("unknown attribute '" + key + "'");
    }
}
