package org.dedup.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.domain.model.ContactId;
import org.dedup.domain.standardize.ProfileField;
import org.dedup.domain.standardize.RecordProfile;
import org.junit.jupiter.api.Test;

class StandardizedRecordTest {
    @Test
    void isReadBackFromWhatSparkShipsWithItsKindIdAndEveryValue() throws IOException, ClassNotFoundException {
        RecordProfile profile = new RecordProfile(ContactId.random(), Map.of(
                ProfileField.FULL_NAME, Set.of("ada lovelace"),
                ProfileField.EMAIL, Set.of("ada@example.com", "ada.lovelace@example.org"),
                ProfileField.PHONE_LAST10, Set.of()), List.of());

        RecordProfile shipped = readBack(StandardizedRecord.of(profile)).profile();

        assertEquals(profile.ref(), shipped.ref());
        assertEquals(profile.fields(), shipped.fields());
    }

    private static StandardizedRecord readBack(StandardizedRecord record) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(record);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (StandardizedRecord) in.readObject();
        }
    }
}
