package org.dedup.domain.standardize;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.Require;

/**
 * The standardized view of a lead, contact or company: every field as the set of standardized values it holds
 * (a contact with a work and a mobile phone has two PHONE values). The original record is never changed.
 */
public record RecordProfile(RecordRef ref, Map<ProfileField, Set<String>> fields,
                            List<StandardizationIssue> issues) implements Serializable {
    public RecordProfile {
        Require.nonNull(ref, "profile record");
        Require.nonNull(fields, "profile fields");
        fields = fields.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
        issues = Require.copy(issues, "profile issues");
    }

    public Set<String> values(ProfileField field) {
        return fields.getOrDefault(field, Set.of());
    }

    public Optional<String> first(ProfileField field) {
        return values(field).stream().sorted().findFirst();
    }

    public boolean has(ProfileField field) {
        return !values(field).isEmpty();
    }
}
