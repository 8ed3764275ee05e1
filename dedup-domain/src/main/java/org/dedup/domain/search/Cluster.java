package org.dedup.domain.search;

import java.io.Serializable;
import java.util.List;

import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.Require;

/**
 * Records bulk search clustered together, before the cluster gets its group id: members sorted, the rules and
 * methods that linked them, and the direct links inside. Serializable so a distributed search can send it back.
 */
public record Cluster(List<RecordRef> members, List<String> rules, List<GroupLink> links) implements Serializable {
    public Cluster {
        members = Require.copy(members, "cluster members");
        if (members.size() < 2) {
            throw new IllegalArgumentException("a cluster has at least two members");
        }
        rules = Require.copy(rules, "cluster rules");
        links = Require.copy(links, "cluster links");
    }
}
