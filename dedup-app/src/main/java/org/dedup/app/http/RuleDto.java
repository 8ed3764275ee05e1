package org.dedup.app.http;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.rules.DuplicateRule;
import org.dedup.domain.standardize.ProfileField;

/** A duplicate rule as JSON: objects are lead/contact/company, fields are profile field names. */
public record RuleDto(String name, List<String> objects, List<String> fields, Boolean active, Boolean useOnSave,
                      Boolean useInBulk) {

    static RuleDto of(DuplicateRule rule) {
        return new RuleDto(rule.name(), rule.objects().stream().map(k -> k.name().toLowerCase(Locale.ROOT)).sorted()
                .toList(), rule.fields().stream().map(ProfileField::name).toList(), rule.active(), rule.useOnSave(),
                rule.useInBulk());
    }

    public DuplicateRule toRule() {
        if (objects == null || fields == null) {
            throw new InvalidRecordException("rule '" + name + "' needs objects and fields");
        }
        Set<RecordKind> kinds = objects.stream().map(o -> {
            try {
                return RecordKind.valueOf(o.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidRecordException("rule '" + name + "' names an unknown object '" + o
                        + "'; use lead, contact or company");
            }
        }).collect(Collectors.toSet());
        return new DuplicateRule(name, kinds, fields.stream().map(ProfileField::new).toList(),
                active == null || active, useOnSave == null || useOnSave, useInBulk == null || useInBulk);
    }
}
