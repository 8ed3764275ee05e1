package org.dedup.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.standardize.ProfileField;
import org.dedup.domain.standardize.RecordProfile;

/**
 * A {@link RecordProfile} in the form Spark ships between executors (Java-serializable, mutable JDK collections
 * only): the record's kind and id, and each standardized field's values. Standardization issues are not shipped:
 * bulk search does not read them.
 */
public final class StandardizedRecord implements Serializable {
    private static final long serialVersionUID = 1L;
    private final RecordKind kind;
    private final UUID id;
    private final HashMap<String, ArrayList<String>> fields;

    private StandardizedRecord(RecordKind kind, UUID id, HashMap<String, ArrayList<String>> fields) {
        this.kind = kind;
        this.id = id;
        this.fields = fields;
    }

    public static StandardizedRecord of(RecordProfile profile) {
        HashMap<String, ArrayList<String>> fields = new HashMap<>();
        profile.fields().forEach((field, values) -> fields.put(field.name(), new ArrayList<>(values)));
        return new StandardizedRecord(profile.ref().kind(), profile.ref().value(), fields);
    }

    public RecordRef ref() {
        return RecordRef.of(kind, id);
    }

    public RecordProfile profile() {
        Map<ProfileField, Set<String>> values = new HashMap<>();
        fields.forEach((field, list) -> values.put(new ProfileField(field), new HashSet<>(list)));
        return new RecordProfile(ref(), values, List.of());
    }
}
