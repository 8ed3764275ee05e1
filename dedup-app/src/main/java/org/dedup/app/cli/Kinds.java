package org.dedup.app.cli;

import java.util.Arrays;
import java.util.Locale;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.RecordKind;

/** The {@code --kind} option of merge and unmerge. */
final class Kinds {
    private Kinds() {
    }

    static RecordKind parse(String kind) {
        return Arrays.stream(RecordKind.values()).filter(k -> k.name().equalsIgnoreCase(kind.strip())).findFirst()
                .orElseThrow(() -> new InvalidRecordException("--kind '" + kind + "' is not one of "
                        + Arrays.stream(RecordKind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList()));
    }
}
