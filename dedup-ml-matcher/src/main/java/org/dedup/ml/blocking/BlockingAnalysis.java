package org.dedup.ml.blocking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.ml.record.LabelledRecords;
import org.dedup.ml.record.PersonRecord;

/**
 * What each blocking rule does on labelled records: its candidate pairs, how many true pairs it finds and its
 * largest blocks; and the choice of a rule set, as dedupe's blocking learner and Splink's blocking analysis do: the
 * rules are added greedily, each time the one finding the most missing true pairs per added candidate pair, while
 * the candidates stay within a budget per record, until pairs completeness reaches the aim.
 */
public final class BlockingAnalysis {
    private static final int LARGEST = 3;
    private final LabelledRecords truth;
    private final int maxBlock;
    private final Map<String, RuleReport> reports = new HashMap<>();
    private final Map<String, Set<Long>> pairsOf = new HashMap<>();
    private final Set<String> oversized = new LinkedHashSet<>();

    public BlockingAnalysis(LabelledRecords truth, List<KeyRule> rules, int maxBlock) {
        this.truth = truth;
        this.maxBlock = maxBlock;
        rules.forEach(this::analyse);
    }

    /** One rule's figures; the largest blocks are those it expands (at most {@code maxBlock} records). */
    public record RuleReport(String rule, long candidatePairs, long trueCandidatePairs, long truePairs,
                             List<Block> largestBlocks, int skippedBlocks) {
        public RuleReport {
            largestBlocks = List.copyOf(largestBlocks);
        }

        public double pairsCompleteness() {
            return truePairs == 0 ? 1.0 : (double) trueCandidatePairs / truePairs;
        }
    }

    /** A block: its key and how many records share it. */
    public record Block(String key, int records) {
    }

    /** The rules chosen, what they find together, and whether they reach the aim within the budget. */
    public record Choice(List<String> rules, long candidatePairs, long trueCandidatePairs, long truePairs,
                         int records, boolean reachesAim) {
        public Choice {
            rules = List.copyOf(rules);
        }

        public double pairsCompleteness() {
            return truePairs == 0 ? 1.0 : (double) trueCandidatePairs / truePairs;
        }

        public double candidatesPerRecord() {
            return records == 0 ? 0 : (double) candidatePairs / records;
        }
    }

    public RuleReport report(String rule) {
        return reports.get(rule);
    }

    /** The keys shared by more than {@code maxBlock} records: never a block in a model trained on these records. */
    public Set<String> oversizedKeys() {
        return Set.copyOf(oversized);
    }

    /**
     * Adds rules by most true pairs gained per candidate added, as long as the candidates stay within
     * {@code budgetPerRecord} per record, until pairs completeness reaches {@code completeness}; a rule gaining
     * less than one true pair per {@code minYield} candidates is never added.
     */
    public Choice choose(double completeness, double budgetPerRecord, int minYield) {
        return choose(completeness, budgetPerRecord, minYield, List.of());
    }

    /** {@link #choose(double, double, int)} starting from the rules {@code given}. */
    public Choice choose(double completeness, double budgetPerRecord, int minYield, List<String> given) {
        long budget = (long) Math.min(Long.MAX_VALUE / 2, budgetPerRecord * truth.records().size());
        long truePairs = truth.truePairCount();
        Set<Long> union = new HashSet<>();
        List<String> chosen = new ArrayList<>();
        for (String rule : given) {
            chosen.add(rule);
            union.addAll(pairsOf.getOrDefault(rule, Set.of()));
        }
        long found = union.stream().filter(this::isTrue).count();
        while (truePairs > 0 && (double) found / truePairs < completeness) {
            String best = null;
            double bestYield = 0;
            long bestGain = 0;
            for (Map.Entry<String, Set<Long>> rule : pairsOf.entrySet()) {
                if (chosen.contains(rule.getKey())) {
                    continue;
                }
                long added = 0;
                long gained = 0;
                for (long pair : rule.getValue()) {
                    if (!union.contains(pair)) {
                        added++;
                        gained += isTrue(pair) ? 1 : 0;
                    }
                }
                double yield = (double) gained / Math.max(1, added);
                if (gained > 0 && union.size() + added <= budget && yield * minYield >= 1
                        && (yield > bestYield || yield == bestYield && gained > bestGain)) {
                    best = rule.getKey();
                    bestYield = yield;
                    bestGain = gained;
                }
            }
            if (best == null) {
                break;
            }
            chosen.add(best);
            union.addAll(pairsOf.get(best));
            found = union.stream().filter(this::isTrue).count();
        }
        return new Choice(chosen, union.size(), found, truePairs, truth.records().size(),
                truePairs == 0 || (double) found / truePairs >= completeness);
    }

    private void analyse(KeyRule rule) {
        List<PersonRecord> records = truth.records();
        Map<String, List<Integer>> blocks = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            Set<String> keys = new LinkedHashSet<>();
            BlockingKeys.collect(rule, records.get(i), keys, Set.of());
            for (String key : keys) {
                blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        Set<Long> pairs = new HashSet<>();
        List<Block> expanded = new ArrayList<>();
        int skipped = 0;
        for (Map.Entry<String, List<Integer>> block : blocks.entrySet()) {
            List<Integer> members = block.getValue();
            if (members.size() > maxBlock) {
                oversized.add(block.getKey());
                skipped++;
                continue;
            }
            expanded.add(new Block(block.getKey(), members.size()));
            for (int x = 0; x < members.size(); x++) {
                for (int y = x + 1; y < members.size(); y++) {
                    pairs.add((long) members.get(x) * records.size() + members.get(y));
                }
            }
        }
        expanded.sort(Comparator.comparingInt(Block::records).reversed().thenComparing(Block::key));
        long found = pairs.stream().filter(this::isTrue).count();
        pairsOf.put(rule.name(), pairs);
        reports.put(rule.name(), new RuleReport(rule.name(), pairs.size(), found, truth.truePairCount(),
                expanded.subList(0, Math.min(LARGEST, expanded.size())), skipped));
    }

    private boolean isTrue(long pair) {
        List<PersonRecord> records = truth.records();
        return truth.sameEntity(records.get((int) (pair / records.size())), records.get((int) (pair % records.size())));
    }
}
