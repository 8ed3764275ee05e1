package org.dedup.app.cli;

import java.util.Locale;

import org.dedup.domain.match.MatcherFailure;
import org.dedup.domain.search.BulkSearchResult;
import org.dedup.domain.search.SpilledSearchResult;

/** How the commands write values for a person to read. */
final class Words {
    private Words() {
    }

    /** An enum constant as the command line takes it: {@code PENDING_REVIEW} as {@code pending_review}. */
    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The counts of a bulk search that spilled to disk. */
    static String summary(SpilledSearchResult result) {
        return summary(result.records(), result.groups(), result.pairsCompared(), result.allPairs(),
                result.oversizedBlocks().size());
    }

    /** The counts of a bulk search in memory, real or dry run. */
    static String summary(BulkSearchResult result) {
        return summary(result.records(), result.groups().size(), result.pairsCompared(), result.allPairs(),
                result.oversizedBlocks().size());
    }

    private static String summary(int records, int groups, long pairsCompared, long allPairs, int oversized) {
        return String.format(Locale.ROOT, "%d records, %d groups, %,d pairs compared of %,d possible, "
                + "%d oversized blocks", records, groups, pairsCompared, allPairs, oversized);
    }

    /** A matcher that failed during a merge or an unmerge, on a line of its own. */
    static String failed(MatcherFailure failure) {
        return "  matcher failed: " + failure.method().id() + ": " + failure.reason();
    }
}
