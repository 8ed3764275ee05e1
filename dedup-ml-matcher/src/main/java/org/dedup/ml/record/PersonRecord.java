package org.dedup.ml.record;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A record as the BIG DATA matcher sees it (a person or a company, as its {@link RecordSchema} says): each
 * attribute value folded and normalized by its kind (absent when unknown), the emails folded and the phones as
 * digits. Built from a lead's profile, a record file or a labelled pair.
 */
public record PersonRecord(String id, Map<Attribute, String> values, Set<String> emails, Set<String> phones) {
    public PersonRecord {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("record id is required");
        }
        Map<Attribute, String> normalized = new LinkedHashMap<>();
        values.forEach((attribute, value) -> {
            String text = attribute.kind().normalize(Fold.text(value));
            if (!text.isEmpty()) {
                normalized.put(attribute, text);
            }
        });
        values = Collections.unmodifiableMap(normalized);
        emails = emails.stream().map(Fold::text).filter(e -> !e.isEmpty()).collect(Collectors.toUnmodifiableSet());
        phones = phones.stream().map(p -> Kind.PHONE.normalize(p)).filter(p -> !p.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The normalized value, or the empty string when the attribute is unknown. */
    public String value(Attribute attribute) {
        return values.getOrDefault(attribute, "");
    }

    public boolean has(Attribute attribute) {
        return values.containsKey(attribute);
    }
}
