package org.dedup.domain.search;

import java.time.Duration;
import java.util.List;

/**
 * What a search that spilled to disk found and what it cost, its groups having gone to the caller one at a time:
 * the records, pairs compared against all n(n-1)/2 pairs, the groups found, the blocks too large to expand, and
 * how many sorted runs the blocks were spilled in.
 */
public record SpilledSearchResult(int records, long pairsCompared, long allPairs, int groups,
                                  List<String> oversizedBlocks, int runs, Duration elapsed) {
    public SpilledSearchResult {
        oversizedBlocks = List.copyOf(oversizedBlocks);
    }
}
