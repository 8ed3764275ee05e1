package org.dedup.domain.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.dedup.domain.match.RuleEvaluator;
import org.dedup.domain.match.ScoredPairs;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.rules.DuplicateRule;
import org.dedup.domain.search.Clustering.UnionFind;
import org.dedup.domain.standardize.ProfileField;
import org.dedup.domain.standardize.RecordProfile;

/**
 * Duplicate search over a whole tenant without comparing every pair: each record goes into one block per rule and
 * combination of its values of that rule's fields, so only records that share every compared value meet. Pairs in
 * a block are checked against the rule, pairs marked "not a duplicate" are skipped; a model's scored pairs
 * ({@link ModelScores}) add their merge-level links, and its pairs below the review threshold must stay apart. The
 * links are clustered so that no group holds a marked pair or such a pair ({@link Clustering}). A group keeps the id
 * of the previous run's group it overlaps most, and carries its direct links with their scores and explanations.
 */
public final class BulkSearch {
    /** Blocks larger than this (a shared placeholder email, say) are reported and not expanded into pairs. */
    public static final int MAX_BLOCK = 1_000;
    private static final int MAX_COMBINATIONS = 16;
    private final RuleEvaluator evaluator = new RuleEvaluator();

    /** A search by the rules alone. */
    public BulkSearchResult run(List<RecordProfile> records, List<DuplicateRule> rules, Set<RecordPair> notDuplicates,
                                List<DuplicateGroup> previous) {
        return run(records, rules, ModelScores.none(), notDuplicates, previous);
    }

    /** A search by the rules (none for the model alone) and a model's scored pairs, their links clustered together. */
    public BulkSearchResult run(List<RecordProfile> records, List<DuplicateRule> rules, ModelScores model,
                                Set<RecordPair> notDuplicates, List<DuplicateGroup> previous) {
        long start = System.nanoTime();
        List<DuplicateRule> bulkRules = bulkRules(rules);
        Links links = new Links();
        List<String> oversized = new ArrayList<>();
        long compared = 0;
        for (int ruleIndex = 0; ruleIndex < bulkRules.size(); ruleIndex++) {
            DuplicateRule rule = bulkRules.get(ruleIndex);
            for (Map.Entry<String, List<Integer>> block : blocks(records, rule).entrySet()) {
                List<Integer> members = block.getValue();
                if (members.size() < 2) {
                    continue;
                }
                if (members.size() > MAX_BLOCK) {
                    oversized.add(oversizedBlock(rule, block.getKey(), members.size()));
                    continue;
                }
                for (int i = 0; i < members.size(); i++) {
                    for (int j = i + 1; j < members.size(); j++) {
                        compared++;
                        if (linked(rule, records.get(members.get(i)), records.get(members.get(j)), notDuplicates)) {
                            links.add(members.get(i), members.get(j), ruleIndex, 1.0);
                        }
                    }
                }
            }
        }
        compared += model.pairs().size();
        List<DuplicateGroup> groups = withStableIds(clusters(records, links, bulkRules, model, notDuplicates),
                previous);
        long n = records.size();
        return new BulkSearchResult(records.size(), compared, n * (n - 1) / 2, groups, oversized,
                java.time.Duration.ofNanos(System.nanoTime() - start));
    }

    /** The rules a bulk search runs, in the order their links are numbered: the active ones meant for bulk. */
    public static List<DuplicateRule> bulkRules(List<DuplicateRule> rules) {
        return rules.stream().filter(r -> r.active() && r.useInBulk()).toList();
    }

    /**
     * Whether {@code rule} links two records of one block: two different records of kinds it compares, not marked
     * "not a duplicate", sharing a value of every field it compares.
     */
    public boolean linked(DuplicateRule rule, RecordProfile a, RecordProfile b, Set<RecordPair> notDuplicates) {
        return !a.ref().equals(b.ref()) && rule.appliesTo(a.ref().kind(), b.ref().kind())
                && !notDuplicates.contains(new RecordPair(a.ref(), b.ref()))
                && !evaluator.holds(rule, a, b).isEmpty();
    }

    /** How a block too large to expand is reported. */
    public static String oversizedBlock(DuplicateRule rule, String blockKey, long size) {
        return rule.name() + " [" + blockKey + "]: " + size + " records";
    }

    /**
     * The clusters of two records or more that the rules' {@code links} (record indexes into {@code records}, rule
     * indexes into {@code rules}, weight 1) make, none holding a pair of {@code notDuplicates}; members sorted. The
     * clusters of a set of records closed under its links (a connected component) are the same whether it is
     * clustered alone or with the rest of the tenant.
     */
    public static List<Cluster> clusters(List<RecordProfile> records, Links links, List<DuplicateRule> rules,
                                         Set<RecordPair> notDuplicates) {
        return clusters(records, links, rules, ModelScores.none(), notDuplicates, new long[0]);
    }

    /**
     * The clusters that the rules' {@code links} (as in {@link #clusters(List, Links, List, Set)}) and the model's
     * scored pairs (by indexes into {@code records}; its merge-level pairs linking, its pairs below the review
     * threshold kept apart unless linked directly) make together.
     */
    public static List<Cluster> clusters(List<RecordProfile> records, Links links, List<DuplicateRule> rules,
                                         ModelScores model, Set<RecordPair> notDuplicates) {
        long[] apart = addModelLinks(records, model.pairs(), rules.size(), notDuplicates, links);
        return clusters(records, links, rules, model, notDuplicates, apart);
    }

    private static List<Cluster> clusters(List<RecordProfile> records, Links links, List<DuplicateRule> rules,
                                          ModelScores model, Set<RecordPair> notDuplicates, long[] apart) {
        List<RecordRef> refs = records.stream().map(RecordProfile::ref).toList();
        UnionFind clusters = Clustering.of(refs, links, notDuplicates, apart);
        GroupLinks groupLinks = new GroupLinks(records, links, clusters, rules, model);
        Map<Integer, List<RecordRef>> byRoot = new HashMap<>();
        for (int i = 0; i < refs.size(); i++) {
            byRoot.computeIfAbsent(clusters.find(i), r -> new ArrayList<>()).add(refs.get(i));
        }
        List<Cluster> found = new ArrayList<>();
        byRoot.forEach((root, members) -> {
            if (members.size() > 1) {
                found.add(new Cluster(members.stream().sorted().toList(), groupLinks.sources(root),
                        groupLinks.of(root)));
            }
        });
        return found;
    }

    /**
     * The model's merge-level pairs as links of source {@code source} (a marked pair is none); its pairs below the
     * review threshold are returned, packed, as the pairs to keep apart unless something links them directly.
     */
    private static long[] addModelLinks(List<RecordProfile> records, ScoredPairs scored, int source,
                                        Set<RecordPair> notDuplicates, Links links) {
        long[] apart = new long[scored.size()];
        int apartCount = 0;
        for (int pair = 0; pair < scored.size(); pair++) {
            int a = scored.first(pair);
            int b = scored.second(pair);
            switch (scored.level(pair)) {
                case MERGE -> {
                    if (!notDuplicates.contains(new RecordPair(records.get(a).ref(), records.get(b).ref()))) {
                        links.add(a, b, source, scored.score(pair));
                    }
                }
                case APART -> apart[apartCount++] = Clustering.pack(a, b);
                case REVIEW -> {
                    // neither a ground for a group nor a bar to one
                }
            }
        }
        return Arrays.copyOf(apart, apartCount);
    }

    private static Map<String, List<Integer>> blocks(List<RecordProfile> records, DuplicateRule rule) {
        Map<String, List<Integer>> blocks = new HashMap<>();
        for (int index = 0; index < records.size(); index++) {
            for (String key : blockKeys(records.get(index), rule)) {
                blocks.computeIfAbsent(key, k -> new ArrayList<>(2)).add(index);
            }
        }
        return blocks;
    }

    /**
     * The keys of the blocks {@code record} is in under {@code rule}: its values of the rule's fields, one
     * combination per key (at most 16); none when the rule does not compare its kind or it lacks a field.
     */
    public static List<String> blockKeys(RecordProfile record, DuplicateRule rule) {
        return rule.objects().contains(record.ref().kind()) ? combinations(record, rule.fields()) : List.of();
    }

    private static List<String> combinations(RecordProfile record, List<ProfileField> fields) {
        List<String> keys = List.of("");
        for (ProfileField field : fields) {
            Set<String> values = record.values(field);
            if (values.isEmpty()) {
                return List.of();
            }
            List<String> next = new ArrayList<>();
            for (String prefix : keys) {
                for (String value : values) {
                    if (next.size() < MAX_COMBINATIONS) {
                        next.add(prefix + '\u0001' + value);
                    }
                }
            }
            keys = next;
        }
        return keys;
    }

    /**
     * The clusters as groups, each keeping the id of the previous group most of its members were in unless a
     * cluster before it took that id; clusters are taken in the order of their smallest member, so the ids do not
     * depend on the order the records were read in.
     */
    public static List<DuplicateGroup> withStableIds(List<Cluster> clusters, List<DuplicateGroup> previous) {
        return clusters.stream().sorted(Comparator.comparing((Cluster c) -> c.members().getFirst()))
                .map(stableIds(previous)).toList();
    }

    /**
     * The ids of {@link #withStableIds} for clusters given one at a time, already in the order of their smallest
     * member (sorted elsewhere, by a distributed search say), so that no list of them is needed.
     */
    public static Function<Cluster, DuplicateGroup> stableIds(List<DuplicateGroup> previous) {
        return new StableIds(previous)::group;
    }
}
