package org.dedup.domain.rules;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.Require;
import org.dedup.domain.standardize.ProfileField;

/**
 * A Creatio duplicate rule: two records of the {@code objects} kinds are duplicates when, for every field in
 * {@code fields}, their standardized values share at least one value. A rule of one kind compares records of
 * that kind; a rule of several kinds compares across objects only (a lead with a contact, not two contacts).
 */
public record DuplicateRule(String name, Set<RecordKind> objects, List<ProfileField> fields, boolean active,
                            boolean useOnSave, boolean useInBulk) implements Serializable {
    public DuplicateRule {
        Require.maxLength(Require.nonBlank(name, "rule name"), 128, "rule name");
        objects = Require.copy(objects, "rule objects");
        fields = Require.copy(fields, "rule fields");
        if (objects.isEmpty()) {
            throw new InvalidRecordException("rule '" + name + "' must name at least one object (lead, contact, company)");
        }
        if (fields.isEmpty()) {
            throw new InvalidRecordException("rule '" + name + "' must compare at least one field");
        }
    }

    public boolean appliesTo(RecordKind a, RecordKind b) {
        return objects.contains(a) && objects.contains(b) && (objects.size() == 1 || a != b);
    }
}
