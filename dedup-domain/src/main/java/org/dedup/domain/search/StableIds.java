package org.dedup.domain.search;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dedup.domain.model.RecordRef;

/**
 * Group ids kept from one search to the next: a cluster takes the id of the previous group most of its members were
 * in, unless a cluster before it took that id. Clusters must be given in the order of their smallest member, so the
 * ids do not depend on the order the records were read in.
 */
final class StableIds {
    private final Map<RecordRef, UUID> previousGroupOf = new HashMap<>();
    private final Set<UUID> taken = new HashSet<>();

    StableIds(List<DuplicateGroup> previous) {
        previous.forEach(g -> g.members().forEach(m -> previousGroupOf.put(m, g.id())));
    }

    DuplicateGroup group(Cluster cluster) {
        UUID id = id(cluster.members());
        taken.add(id);
        return new DuplicateGroup(id, cluster.members(), cluster.rules(), cluster.links());
    }

    /** The previous group id most of the members had, unless another group took it already; else a new id. */
    private UUID id(List<RecordRef> members) {
        Map<UUID, Integer> votes = new HashMap<>();
        members.forEach(m -> {
            UUID earlier = previousGroupOf.get(m);
            if (earlier != null && !taken.contains(earlier)) {
                votes.merge(earlier, 1, Integer::sum);
            }
        });
        return votes.entrySet().stream().max(Map.Entry.<UUID, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElseGet(UUID::randomUUID);
    }
}
