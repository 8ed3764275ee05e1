package org.dedup.domain.search;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
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
 * A profile as bytes for a search that spills records to disk: the record's kind and id and each field's values.
 * Standardization issues are left out: bulk search does not read them.
 */
final class ProfileCodec {
    private static final RecordKind[] KINDS = RecordKind.values();

    private ProfileCodec() {
    }

    static void write(RecordProfile profile, DataOutput out) throws IOException {
        out.writeByte(profile.ref().kind().ordinal());
        UUID id = profile.ref().value();
        out.writeLong(id.getMostSignificantBits());
        out.writeLong(id.getLeastSignificantBits());
        out.writeShort(profile.fields().size());
        for (Map.Entry<ProfileField, Set<String>> field : profile.fields().entrySet()) {
            out.writeUTF(field.getKey().name());
            out.writeShort(field.getValue().size());
            for (String value : field.getValue()) {
                out.writeUTF(value);
            }
        }
    }

    static RecordProfile read(DataInput in) throws IOException {
        RecordKind kind = KINDS[in.readByte()];
        RecordRef ref = RecordRef.of(kind, new UUID(in.readLong(), in.readLong()));
        int fieldCount = in.readShort();
        Map<ProfileField, Set<String>> fields = new HashMap<>(fieldCount * 2);
        for (int f = 0; f < fieldCount; f++) {
            ProfileField field = new ProfileField(in.readUTF());
            int valueCount = in.readShort();
            Set<String> values = new HashSet<>(valueCount * 2);
            for (int v = 0; v < valueCount; v++) {
                values.add(in.readUTF());
            }
            fields.put(field, values);
        }
        return new RecordProfile(ref, fields, List.of());
    }
}
