package org.dedup.domain.search;

import java.util.List;
import java.util.UUID;

import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.Require;

/** A cluster of records bulk search found to be duplicates, with the rules that linked them. */
public record DuplicateGroup(UUID id, List<RecordRef> members, List<String> rules) {
    public DuplicateGroup {
        Require.nonNull(id, "group id");
        members = Require.copy(members, "group members");
        if (members.size() < 2) {
            throw new IllegalArgumentException("a duplicate group has at least two members");
        }
        rules = Require.copy(rules, "group rules");
    }
}
