package org.dedup.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
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
 * bulk search does not read them. Written field by field: each record is shuffled once per block it is in, and Java's
 * default form of its maps and lists costs several times the bytes and the time.
 */
public final class StandardizedRecord implements Serializable {
    private static final long serialVersionUID = 2L;
    private static final RecordKind[] KINDS = RecordKind.values();
    private transient RecordKind kind;
    private transient UUID id;
    private transient HashMap<String, ArrayList<String>> fields;

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

    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeByte(kind.ordinal());
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
        out.writeInt(fields.size());
        for (Map.Entry<String, ArrayList<String>> field : fields.entrySet()) {
            out.writeUTF(field.getKey());
            out.writeInt(field.getValue().size());
            for (String value : field.getValue()) {
                out.writeUTF(value);
            }
        }
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        kind = KINDS[in.readByte()];
        id = new UUID(in.readLong(), in.readLong());
        int count = in.readInt();
        fields = HashMap.newHashMap(count);
        for (int field = 0; field < count; field++) {
            String name = in.readUTF();
            int size = in.readInt();
            ArrayList<String> values = new ArrayList<>(size);
            for (int value = 0; value < size; value++) {
                values.add(in.readUTF());
            }
            fields.put(name, values);
        }
    }
}
