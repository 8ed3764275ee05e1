package org.dedup.domain.testing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.dedup.domain.model.RecordRef;
import org.dedup.domain.search.DuplicateGroup;
import org.dedup.domain.search.RecordPair;

/**
 * How the tests of the bulk searches (in memory, spilling to disk, on Spark, stored) compare the groups two searches
 * found: with the same marks splitting some groups, the same kept ids, members, rules and links, in the same order.
 */
public final class GroupComparison {
    private GroupComparison() {
    }

    /** In every third group of three or more, its first and last member marked "not a duplicate". */
    public static Set<RecordPair> splittingMarks(List<DuplicateGroup> groups) {
        Set<RecordPair> marks = new HashSet<>();
        List<DuplicateGroup> large = groups.stream().filter(g -> g.members().size() >= 3).toList();
        for (int i = 0; i < large.size(); i += 3) {
            List<RecordRef> members = large.get(i).members();
            marks.add(new RecordPair(members.getFirst(), members.getLast()));
        }
        return marks;
    }

    /**
     * The groups in their order, each with its id where it kept one of {@code earlier}'s (a new id is random, so it
     * is left out), its members, rules and links.
     */
    public static List<String> comparable(List<DuplicateGroup> groups, List<DuplicateGroup> earlier) {
        Set<UUID> earlierIds = new HashSet<>();
        earlier.forEach(g -> earlierIds.add(g.id()));
        return groups.stream().map(g -> (earlierIds.contains(g.id()) ? g.id().toString() : "new id") + " "
                + g.members() + " " + g.rules() + " " + g.links()).toList();
    }

    /** The members of each group, in order: which records the groups gather, whatever their ids. */
    public static List<List<RecordRef>> members(List<DuplicateGroup> groups) {
        return groups.stream().map(DuplicateGroup::members).toList();
    }
}
