package org.dedup.domain.search;

import java.time.Duration;
import java.util.List;

/**
 * What a bulk search found and what it cost: pairs compared against all n(n-1)/2 pairs, blocks too large to
 * expand (reported, not silently dropped), and the groups.
 */
public record BulkSearchResult(int records, long pairsCompared, long allPairs, List<DuplicateGroup> groups,
                               List<String> oversizedBlocks, Duration elapsed) {
    public BulkSearchResult {
        groups = List.copyOf(groups);
        oversizedBlocks = List.copyOf(oversizedBlocks);
    }
}
