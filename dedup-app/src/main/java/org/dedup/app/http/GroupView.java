package org.dedup.app.http;

import java.util.List;
import java.util.UUID;

import org.dedup.domain.search.DuplicateGroup;

/** A duplicate group as JSON. */
record GroupView(UUID id, List<Reference> members, List<String> rules) {

    static GroupView of(DuplicateGroup group) {
        return new GroupView(group.id(), group.members().stream().map(Reference::of).toList(), group.rules());
    }
}
