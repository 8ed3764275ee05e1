package org.dedup.domain.search;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.dedup.domain.match.RecordLinker;
import org.dedup.domain.match.ScannedRecord;
import org.dedup.domain.match.ScoredPairs;
import org.dedup.domain.model.InvalidOptionException;
import org.dedup.domain.standardize.RecordProfile;

/**
 * A {@link RecordLinker} in a search that spills: its blocks come sorted from disk like the rules' blocks, each
 * block's records are scored together, and a pair that shares several keys is scored in the block of the smallest
 * key it shares of those expanded (so once, as the linker scores a whole tenant). Its pairs are gathered in one
 * {@link ScoredPairs} by record number, a few bytes a pair.
 */
final class SpilledModel {
    private final String method;
    private final RecordLinker linker;
    private final RecordLinker.Blocking blocking;
    private final ScoredPairs pairs = new ScoredPairs((a, b, score) -> List.of());
    /** The keys of blocks too large to score, seen so far: the blocks come in the order of their keys. */
    private final Set<String> skipped = new HashSet<>();

    SpilledModel(String method, RecordLinker linker) {
        this.method = method;
        this.linker = linker;
        this.blocking = linker.blocking().orElseThrow(() -> new InvalidOptionException("method", method
                + " cannot search a tenant that spills to disk: its matcher does not say how it blocks"));
    }

    String method() {
        return method;
    }

    Set<String> keys(ScannedRecord record) {
        return blocking.keys(record);
    }

    int maxBlock() {
        return blocking.maxBlock();
    }

    /** The pairs scored so far, by record number. */
    ScoredPairs pairs() {
        return pairs;
    }

    /** A block too large to score. */
    void skip(String key) {
        skipped.add(key);
    }

    /** Scores the pairs of one block, {@code records} numbered {@code members}, not scored in an earlier block. */
    void score(String key, int[] members, List<ScannedRecord> records) {
        ScoredPairs scored = linker.score(records);
        List<Set<String>> keys = records.stream().map(blocking::keys).toList();
        for (int pair = 0; pair < scored.size(); pair++) {
            int a = scored.first(pair);
            int b = scored.second(pair);
            if (!scoredEarlier(key, keys.get(a), keys.get(b))) {
                pairs.add(members[a], members[b], scored.score(pair), scored.level(pair));
            }
        }
    }

    private boolean scoredEarlier(String key, Set<String> first, Set<String> second) {
        for (String shared : first) {
            if (shared.compareTo(key) < 0 && second.contains(shared) && !skipped.contains(shared)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The scored pairs of one connected part as the linker's scores of those records: {@code part} lists the
     * indexes into {@link #pairs()}, {@code local} maps record numbers to indexes into {@code records}. A pair is
     * explained by scoring its two records again.
     */
    ModelScores partScores(int[] part, java.util.function.IntUnaryOperator local, List<ScannedRecord> records) {
        ScoredPairs scores = new ScoredPairs((a, b, score) -> linker.score(List.of(records.get(a), records.get(b)))
                .explain(0, 1, score));
        for (int index : part) {
            scores.add(local.applyAsInt(pairs.first(index)), local.applyAsInt(pairs.second(index)), pairs.score(index),
                    pairs.level(index));
        }
        return new ModelScores(method, scores);
    }

    static List<RecordProfile> profiles(List<ScannedRecord> records) {
        return records.stream().map(ScannedRecord::profile).toList();
    }
}
