package org.dedup.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.ml.record.RecordSchema;

/** The {@code --schema} of train: a shipped schema's name or a JSON file declaring one. */
final class SchemaFiles {
    private SchemaFiles() {
    }

    static RecordSchema schema(String nameOrFile) {
        if (nameOrFile.equals("people") || nameOrFile.equals("companies")) {
            return RecordSchema.named(nameOrFile);
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new InvalidRecordException("--schema must be people, companies or a JSON schema file; '"
                    + nameOrFile + "' is none of them");
        }
        try {
            return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(file.toFile(), RecordSchema.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidRecordException("--schema " + file.getFileName() + " is not a valid schema: "
                    + e.getMessage());
        }
    }
}
