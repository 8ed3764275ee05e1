package org.dedup.spark;

import java.io.Serializable;
import java.util.ArrayList;

import org.dedup.domain.search.Cluster;

/** A {@link Cluster} as it travels from an executor back to the driver. */
final class ClusterRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private final ArrayList<String> members = new ArrayList<>();
    private final ArrayList<String> rules;

    ClusterRow(Cluster cluster) {
        cluster.members().forEach(member -> members.add(RecordRefs.format(member)));
        rules = new ArrayList<>(cluster.rules());
    }

    Cluster cluster() {
        return new Cluster(members.stream().map(RecordRefs::parse).toList(), rules);
    }
}
