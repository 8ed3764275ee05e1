package org.dedup.ml.record;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A person as the BIG DATA matcher sees it: folded attribute values (absent when unknown), standardized emails
 * and E.164 phones. Built from a lead's profile, a record file or a labelled pair.
 */
public record PersonRecord(String id, Map<Attribute, String> values, Set<String> emails, Set<String> phones) {
    public PersonRecord {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("person record id is required");
        }
        EnumMap<Attribute, String> folded = new EnumMap<>(Attribute.class);
        values.forEach((attribute, value) -> {
            String text = Fold.text(value);
            if (!text.isEmpty()) {
                folded.put(attribute, text);
            }
        });
        values = Collections.unmodifiableMap(folded);
        emails = Set.copyOf(emails);
        phones = Set.copyOf(phones);
    }

    /** The folded value, or the empty string when the attribute is unknown. */
    public String value(Attribute attribute) {
        return values.getOrDefault(attribute, "");
    }

    public boolean has(Attribute attribute) {
        return values.containsKey(attribute);
    }
}
