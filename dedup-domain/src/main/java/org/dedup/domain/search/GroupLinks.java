package org.dedup.domain.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.dedup.domain.match.RuleEvaluator;
import org.dedup.domain.rules.DuplicateRule;
import org.dedup.domain.search.Clustering.UnionFind;
import org.dedup.domain.standardize.RecordProfile;

/**
 * The direct links inside each cluster of a bulk search, as a group shows them: one per pair and rule (score 1, the
 * shared values) or per pair the model linked (its score and explanation). A link the clustering cut is in no group.
 * Explanations are made only for the links kept, after clustering.
 */
final class GroupLinks {
    private static final Comparator<GroupLink> ORDER = Comparator.comparing(GroupLink::pair)
            .thenComparing(GroupLink::method);
    private final List<RecordProfile> records;
    private final Links links;
    private final List<DuplicateRule> rules;
    private final ModelScores model;
    private final Map<Integer, List<Integer>> linksOfRoot = new HashMap<>();
    private final RuleEvaluator evaluator = new RuleEvaluator();

    GroupLinks(List<RecordProfile> records, Links links, UnionFind clusters, List<DuplicateRule> rules,
               ModelScores model) {
        this.records = records;
        this.links = links;
        this.rules = rules;
        this.model = model;
        for (int link = 0; link < links.size(); link++) {
            int root = clusters.find(links.first(link));
            if (root == clusters.find(links.second(link))) {
                linksOfRoot.computeIfAbsent(root, k -> new ArrayList<>()).add(link);
            }
        }
    }

    /** The names of the rules and the method that linked the cluster of {@code root}, sorted. */
    List<String> sources(int root) {
        Set<String> names = new TreeSet<>();
        linksOfRoot.getOrDefault(root, List.of()).forEach(link -> names.add(sourceName(links.source(link))));
        return List.copyOf(names);
    }

    /** The cluster's direct links, each pair and source once, in the order of their pairs. */
    List<GroupLink> of(int root) {
        Set<SourcedPair> seen = new HashSet<>();
        List<GroupLink> kept = new ArrayList<>();
        for (int link : linksOfRoot.getOrDefault(root, List.of())) {
            int a = links.first(link);
            int b = links.second(link);
            int source = links.source(link);
            if (seen.add(new SourcedPair(Clustering.pack(a, b), source))) {
                kept.add(groupLink(a, b, source, links.weight(link)));
            }
        }
        kept.sort(ORDER);
        return kept;
    }

    private GroupLink groupLink(int a, int b, int source, double weight) {
        RecordPair pair = new RecordPair(records.get(a).ref(), records.get(b).ref());
        if (source < rules.size()) {
            DuplicateRule rule = rules.get(source);
            return new GroupLink(pair, rule.name(), weight, evaluator.holds(rule, records.get(a), records.get(b)));
        }
        boolean inOrder = pair.first().equals(records.get(a).ref());
        return new GroupLink(pair, model.method(), weight,
                inOrder ? model.pairs().explain(a, b, weight) : model.pairs().explain(b, a, weight));
    }

    private record SourcedPair(long pair, int source) {
    }

    private String sourceName(int source) {
        return source < rules.size() ? rules.get(source).name() : model.method();
    }
}
