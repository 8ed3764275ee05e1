package org.dedup.app.http;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.dedup.domain.search.DuplicateGroup;

/** A duplicate group as JSON. */
record GroupView(UUID id, List<RecordView> members, List<String> rules) {
    record RecordView(String kind, UUID id) {
    }

    static GroupView of(DuplicateGroup group) {
        return new GroupView(group.id(), group.members().stream()
                .map(m -> new RecordView(m.kind().name().toLowerCase(Locale.ROOT), m.value())).toList(), group.rules());
    }
}
