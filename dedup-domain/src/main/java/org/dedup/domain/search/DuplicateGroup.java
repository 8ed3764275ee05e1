package org.dedup.domain.search;

import java.util.List;
import java.util.UUID;

import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.Require;

/**
 * A cluster of records bulk search found to be duplicates, with the rules and methods that linked them and the
 * direct links inside it, each with its score and explanation.
 */
public record DuplicateGroup(UUID id, List<RecordRef> members, List<String> rules, List<GroupLink> links) {
    public DuplicateGroup {
        Require.nonNull(id, "group id");
        members = Require.copy(members, "group members");
        if (members.size() < 2) {
            throw new IllegalArgumentException("a duplicate group has at least two members");
        }
        rules = Require.copy(rules, "group rules");
        links = Require.copy(links, "group links");
    }

    /** A group whose links are not known (stored before groups kept them). */
    public DuplicateGroup(UUID id, List<RecordRef> members, List<String> rules) {
        this(id, members, rules, List.of());
    }
}
