package org.dedup.ml.record;

import java.util.regex.Pattern;

/**
 * One attribute a model compares: its name (a column of a record file, a feature-name prefix) and its {@link Kind}.
 * The constants are the attributes of the shipped people and company schemas; an engineer declares others in a
 * {@link RecordSchema}.
 */
public record Attribute(String key, Kind kind) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public static final Attribute GIVEN_NAME = new Attribute("given_name", Kind.GIVEN_NAME);
    public static final Attribute SURNAME = new Attribute("surname", Kind.SURNAME);
    public static final Attribute STREET_NUMBER = new Attribute("street_number", Kind.STREET_NUMBER);
    public static final Attribute ADDRESS_1 = new Attribute("address_1", Kind.ADDRESS);
    public static final Attribute ADDRESS_2 = new Attribute("address_2", Kind.FREE_TEXT);
    public static final Attribute SUBURB = new Attribute("suburb", Kind.CITY);
    public static final Attribute POSTCODE = new Attribute("postcode", Kind.POSTCODE);
    public static final Attribute STATE = new Attribute("state", Kind.EXACT_ID);
    public static final Attribute DATE_OF_BIRTH = new Attribute("date_of_birth", Kind.DATE);
    public static final Attribute ID_NUMBER = new Attribute("soc_sec_id", Kind.EXACT_ID);
    public static final Attribute COMPANY = new Attribute("company", Kind.COMPANY_NAME);
    public static final Attribute EMAIL = new Attribute("email", Kind.EMAIL);
    public static final Attribute PHONE = new Attribute("phone", Kind.PHONE);
    public static final Attribute WEBSITE = new Attribute("website", Kind.WEBSITE);

    public Attribute {
        if (key == null || !NAME.matcher(key).matches()) {
            throw new IllegalArgumentException("attribute name must be lower-case letters, digits and _, starting "
                    + "with a letter (at most 64), was '" + key + "'");
        }
        if (kind == null) {
            throw new IllegalArgumentException("attribute " + key + " needs a kind");
        }
    }
}
