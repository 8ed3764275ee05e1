package org.dedup.ml.record;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The record a model compares, as the engineer declares it: its attributes with their kinds, and where each is
 * read from a lead (its primary contact, its first company, or a custom field). Stored in the model file; a file
 * whose features do not follow from its schema is refused. Sources:
 * <ul>
 *   <li>{@code contact.given_name}, {@code contact.surname}: the primary contact's name split ("Surname, Given" or
 *   "Given ... Surname"); {@code contact.name}: the whole name;</li>
 *   <li>{@code company.name}, {@code company.website}: the lead's first company;</li>
 *   <li>{@code email}, {@code phone}: every standardized email or phone of the lead's primary profile;</li>
 *   <li>{@code custom:<key>}: the custom field {@code key} of the lead, else of its primary contact, else of its
 *   first company.</li>
 * </ul>
 */
public record RecordSchema(String name, List<Attribute> attributes, Map<String, String> sources) {
    public static final String CUSTOM = "custom:";
    private static final Set<String> FIXED_SOURCES = Set.of("contact.given_name", "contact.surname", "contact.name",
            "company.name", "company.website", "email", "phone");

    public RecordSchema {
        attributes = List.copyOf(attributes);
        Map<String, String> resolved = new LinkedHashMap<>();
        Set<String> keys = new HashSet<>();
        for (Attribute attribute : attributes) {
            if (!keys.add(attribute.key())) {
                throw new IllegalArgumentException("schema " + name + " declares attribute " + attribute.key()
                        + " twice");
            }
            String source = sources.getOrDefault(attribute.key(), defaultSource(attribute));
            if (!FIXED_SOURCES.contains(source) && !(source.startsWith(CUSTOM) && source.length() > CUSTOM.length())) {
                throw new IllegalArgumentException("attribute " + attribute.key() + " of schema " + name + " reads from '"
                        + source + "'; sources are " + FIXED_SOURCES.stream().sorted().toList() + " or custom:<key>");
            }
            resolved.put(attribute.key(), source);
        }
        for (Kind multi : List.of(Kind.EMAIL, Kind.PHONE)) {
            if (attributes.stream().filter(a -> a.kind() == multi).count() > 1) {
                throw new IllegalArgumentException("schema " + name + " declares more than one " + multi.key()
                        + " attribute; a record keeps all its " + multi.key() + "s in one");
            }
        }
        sources.keySet().stream().filter(k -> !keys.contains(k)).findFirst().ifPresent(k -> {
            throw new IllegalArgumentException("schema " + name + " maps " + k + ", which it does not declare");
        });
        sources = Map.copyOf(resolved);
    }

    /** The shipped people schema (leads and contacts): the Febrl attributes plus company, email and phone. */
    public static RecordSchema people() {
        return new RecordSchema("people", List.of(Attribute.GIVEN_NAME, Attribute.SURNAME, Attribute.STREET_NUMBER,
                Attribute.ADDRESS_1, Attribute.ADDRESS_2, Attribute.SUBURB, Attribute.POSTCODE, Attribute.STATE,
                Attribute.DATE_OF_BIRTH, Attribute.ID_NUMBER, Attribute.COMPANY, Attribute.EMAIL, Attribute.PHONE),
                Map.of());
    }

    /** The shipped company schema: name, street address, postcode, city, website, email and phone. */
    public static RecordSchema companies() {
        return new RecordSchema("companies", List.of(Attribute.COMPANY, Attribute.ADDRESS_1, Attribute.POSTCODE,
                new Attribute("city", Kind.CITY), Attribute.WEBSITE, Attribute.EMAIL, Attribute.PHONE), Map.of());
    }

    /** A shipped schema by name. */
    public static RecordSchema named(String name) {
        return switch (name) {
            case "people" -> people();
            case "companies" -> companies();
            default -> throw new IllegalArgumentException("no schema named '" + name + "'; shipped are people and "
                    + "companies");
        };
    }

    public Optional<Attribute> attribute(String key) {
        return attributes.stream().filter(a -> a.key().equals(key)).findFirst();
    }

    public Optional<Attribute> ofKind(Kind kind) {
        return attributes.stream().filter(a -> a.kind() == kind).findFirst();
    }

    public boolean has(Kind kind) {
        return ofKind(kind).isPresent();
    }

    /** The single-valued attributes, in declaration order. */
    public List<Attribute> singleValued() {
        return attributes.stream().filter(a -> !a.kind().multiValued()).toList();
    }

    public String keys() {
        return attributes.stream().map(Attribute::key).collect(Collectors.joining(", "));
    }

    private static String defaultSource(Attribute attribute) {
        return switch (attribute.kind()) {
            case GIVEN_NAME -> "contact.given_name";
            case SURNAME -> "contact.surname";
            case PERSON_NAME -> "contact.name";
            case COMPANY_NAME -> "company.name";
            case WEBSITE -> "company.website";
            case EMAIL -> "email";
            case PHONE -> "phone";
            default -> CUSTOM + attribute.key();
        };
    }
}
