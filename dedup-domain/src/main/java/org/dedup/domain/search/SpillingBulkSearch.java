package org.dedup.domain.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.dedup.domain.match.RecordLinker;
import org.dedup.domain.match.ScannedRecord;
import org.dedup.domain.match.ScoredPairs;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.Require;
import org.dedup.domain.rules.DuplicateRule;
import org.dedup.domain.search.Clustering.UnionFind;
import org.dedup.domain.standardize.RecordProfile;

/**
 * The bulk search of {@link BulkSearch} over a tenant that need not fit in memory: the records are read once from a
 * source and written to disk, their blocks (the rules' and a model's) are sorted on disk in runs of at most
 * {@code runSize} entries and merged ({@link BlockRuns}), and each block is read back alone and checked by the same
 * rule evaluation, or scored by the same record linker. The links' connected parts are then clustered one at a time
 * by the same clustering, and the clusters take their stable ids in the same order. Memory holds one block or one
 * connected part of records, and a few bytes per record and per link or scored pair (numbers, offsets, the links);
 * the groups go to the caller one at a time. The groups are those of {@link BulkSearch#run}: ids, members, rules and
 * links.
 */
public final class SpillingBulkSearch {
    /** A run of a million entries holds about 100 MB. */
    public static final int DEFAULT_RUN_SIZE = 1_000_000;
    private final Path directory;
    private final int runSize;
    private final BulkSearch search = new BulkSearch();

    /** A search spilling in {@code directory} (its files deleted after), sorting runs of {@code runSize} entries. */
    public SpillingBulkSearch(Path directory, int runSize) {
        this.directory = Require.nonNull(directory, "spill directory");
        this.runSize = Require.positive(runSize, "run size");
    }

    /** The search of {@link #run(ProfileSource, List, Set, List, Consumer)}, its groups gathered in a list. */
    public BulkSearchResult run(ProfileSource records, List<DuplicateRule> rules, Set<RecordPair> notDuplicates,
                                List<DuplicateGroup> previous) {
        List<DuplicateGroup> groups = new ArrayList<>();
        return listed(run(records, rules, notDuplicates, previous, found -> found.forEach(groups::add)), groups);
    }

    /** The search of {@link #run(RecordSource, List, String, RecordLinker, Set, List, Consumer)}, groups listed. */
    public BulkSearchResult run(RecordSource records, List<DuplicateRule> rules, String method, RecordLinker linker,
                                Set<RecordPair> notDuplicates, List<DuplicateGroup> previous) {
        List<DuplicateGroup> groups = new ArrayList<>();
        return listed(run(records, rules, method, linker, notDuplicates, previous,
                found -> found.forEach(groups::add)), groups);
    }

    /**
     * Searches the records by the active bulk rules, skipping pairs marked "not a duplicate", and hands the groups
     * found to {@code found} as a source to read once before the spill files are deleted (into a store, say): each
     * group, its id kept from {@code previous} where it overlaps, in the order of its smallest member.
     *
     * @throws SpillFailedException when the spill files cannot be written or read
     */
    public SpilledSearchResult run(ProfileSource records, List<DuplicateRule> rules, Set<RecordPair> notDuplicates,
                                   List<DuplicateGroup> previous, Consumer<GroupSource> found) {
        return new Pass<>(SpilledRecords.PROFILES, Function.identity(), BulkSearch.bulkRules(rules), null)
                .run(records::forEach, notDuplicates, previous, found);
    }

    /**
     * Searches the records by the active bulk rules (none for the model alone) and by {@code linker}'s scored pairs,
     * their links clustered together as {@link BulkSearch#run(List, List, ModelScores, Set, List)} clusters them;
     * the groups are handed to {@code found} as {@link #run(ProfileSource, List, Set, List, Consumer)} hands them.
     *
     * @throws org.dedup.domain.model.InvalidOptionException when the linker does not say how it blocks
     * @throws SpillFailedException                          when the spill files cannot be written or read
     */
    public SpilledSearchResult run(RecordSource records, List<DuplicateRule> rules, String method, RecordLinker linker,
                                   Set<RecordPair> notDuplicates, List<DuplicateGroup> previous,
                                   Consumer<GroupSource> found) {
        return new Pass<>(SpilledRecords.SCANNED, ScannedRecord::profile, BulkSearch.bulkRules(rules),
                new SpilledModel(method, linker)).run(records::forEach, notDuplicates, previous, found);
    }

    private static BulkSearchResult listed(SpilledSearchResult result, List<DuplicateGroup> groups) {
        return new BulkSearchResult(result.records(), result.pairsCompared(), result.allPairs(), groups,
                result.oversizedBlocks(), result.elapsed());
    }

    /**
     * One search over records of type {@code T} (profiles, or whole records for a model): the rules' blocks are
     * numbered by rule, the model's come after them, so its links follow the rules' as in {@link BulkSearch}.
     */
    private final class Pass<T> {
        private final SpilledRecords.Codec<T> codec;
        private final Function<T, RecordProfile> profileOf;
        private final List<DuplicateRule> rules;
        /** The model's blocks and pairs; null in a search by the rules alone. */
        private final SpilledModel model;
        private final Links links = new Links();
        private final List<String> oversized = new ArrayList<>();
        private long compared;

        Pass(SpilledRecords.Codec<T> codec, Function<T, RecordProfile> profileOf, List<DuplicateRule> rules,
             SpilledModel model) {
            this.codec = codec;
            this.profileOf = profileOf;
            this.rules = rules;
            this.model = model;
        }

        SpilledSearchResult run(Consumer<Consumer<T>> source, Set<RecordPair> notDuplicates,
                                List<DuplicateGroup> previous, Consumer<GroupSource> found) {
            long start = System.nanoTime();
            Path work = workDirectory();
            try (SpilledRecords<T> spilled = new SpilledRecords<>(work.resolve("records"), codec);
                 BlockRuns blocks = new BlockRuns(work, runSize);
                 SpilledClusters clusters = new SpilledClusters(work.resolve("clusters"))) {
                source.accept(record -> block(record, spilled.append(record), blocks));
                int maxBlock = model == null ? BulkSearch.MAX_BLOCK : Math.max(BulkSearch.MAX_BLOCK, model.maxBlock());
                blocks.forEachBlock(maxBlock, block -> expand(block, spilled, notDuplicates));
                addModelLinks(spilled, notDuplicates);
                clusterParts(spilled, notDuplicates, clusters);
                found.accept(groups -> {
                    StableIds ids = new StableIds(previous);
                    clusters.forEachInOrder(cluster -> groups.accept(ids.group(cluster)));
                });
                long n = spilled.count();
                return new SpilledSearchResult(spilled.count(), compared, n * (n - 1) / 2, clusters.size(),
                        oversized, blocks.runs(), Duration.ofNanos(System.nanoTime() - start));
            } finally {
                delete(work);
            }
        }

        private void block(T record, int number, BlockRuns blocks) {
            RecordProfile profile = profileOf.apply(record);
            for (int rule = 0; rule < rules.size(); rule++) {
                for (String key : BulkSearch.blockKeys(profile, rules.get(rule))) {
                    blocks.add(rule, key, number);
                }
            }
            if (model != null) {
                for (String key : model.keys((ScannedRecord) record)) {
                    blocks.add(rules.size(), key, number);
                }
            }
        }

        private void expand(BlockRuns.Block block, SpilledRecords<T> spilled, Set<RecordPair> marks) {
            if (block.source() == rules.size()) {
                scoreModelBlock(block, spilled);
            } else if (!block.expanded() || block.size() > BulkSearch.MAX_BLOCK) {
                oversized.add(BulkSearch.oversizedBlock(rules.get(block.source()), block.key(), block.size()));
            } else if (block.size() > 1) {
                linkRuleBlock(block, spilled, marks);
            }
        }

        /** Checks every pair of one block against its rule. */
        private void linkRuleBlock(BlockRuns.Block block, SpilledRecords<T> spilled, Set<RecordPair> marks) {
            DuplicateRule rule = rules.get(block.source());
            int[] members = block.members();
            RecordProfile[] profiles = new RecordProfile[members.length];
            for (int i = 0; i < members.length; i++) {
                profiles[i] = profileOf.apply(spilled.read(members[i]));
            }
            for (int i = 0; i < members.length; i++) {
                for (int j = i + 1; j < members.length; j++) {
                    if (search.linked(rule, profiles[i], profiles[j], marks)) {
                        links.add(members[i], members[j], block.source(), 1.0);
                    }
                }
            }
            compared += (long) members.length * (members.length - 1) / 2;
        }

        private void scoreModelBlock(BlockRuns.Block block, SpilledRecords<T> spilled) {
            if (!block.expanded() || block.size() > model.maxBlock()) {
                model.skip(block.key());
            } else if (block.size() > 1) {
                List<ScannedRecord> records = new ArrayList<>(block.size());
                for (int member : block.members()) {
                    records.add((ScannedRecord) spilled.read(member));
                }
                model.score(block.key(), block.members(), records);
            }
        }

        /** The model's merge-level pairs as links after the rules' (a marked pair is none), as BulkSearch adds them. */
        private void addModelLinks(SpilledRecords<T> spilled, Set<RecordPair> marks) {
            if (model == null) {
                return;
            }
            ScoredPairs pairs = model.pairs();
            compared += pairs.size();
            for (int pair = 0; pair < pairs.size(); pair++) {
                if (pairs.level(pair) == ScoredPairs.Level.MERGE) {
                    links.add(pairs.first(pair), pairs.second(pair), rules.size(), pairs.score(pair));
                }
            }
        }

        /**
         * Clusters each connected part of the links alone (the clusters of a part are the same alone or with the
         * rest of the tenant), its records numbered in the order they were read, the rules' links in the order they
         * were found, and the model's pairs inside it.
         */
        private void clusterParts(SpilledRecords<T> spilled, Set<RecordPair> notDuplicates,
                                  SpilledClusters clusters) {
            UnionFind parts = new UnionFind(spilled.count());
            boolean[] linked = new boolean[spilled.count()];
            for (int link = 0; link < links.size(); link++) {
                parts.union(links.first(link), links.second(link));
                linked[links.first(link)] = true;
                linked[links.second(link)] = true;
            }
            long[] recordsByPart = byPart(parts, linked);
            long[] ruleLinksByPart = ruleLinksByPart(parts);
            long[] pairsByPart = model == null ? new long[0] : pairsByPart(parts, linked);
            Map<RecordRef, List<RecordPair>> marksOf = marksByRecord(notDuplicates);
            int nextLink = 0;
            int nextPair = 0;
            for (int from = 0; from < recordsByPart.length; ) {
                int part = (int) (recordsByPart[from] >>> 32);
                Map<Integer, Integer> local = new HashMap<>();
                List<T> records = new ArrayList<>();
                int to = from;
                for (; to < recordsByPart.length && (int) (recordsByPart[to] >>> 32) == part; to++) {
                    local.put((int) recordsByPart[to], records.size());
                    records.add(spilled.read((int) recordsByPart[to]));
                }
                Links partLinks = new Links();
                for (; nextLink < ruleLinksByPart.length && (int) (ruleLinksByPart[nextLink] >>> 32) == part;
                     nextLink++) {
                    int link = (int) ruleLinksByPart[nextLink];
                    partLinks.add(local.get(links.first(link)), local.get(links.second(link)), links.source(link),
                            links.weight(link));
                }
                int pairsFrom = nextPair;
                while (nextPair < pairsByPart.length && (int) (pairsByPart[nextPair] >>> 32) == part) {
                    nextPair++;
                }
                List<RecordProfile> profiles = records.stream().map(profileOf).toList();
                Set<RecordPair> marks = marksAmong(profiles, marksOf);
                List<Cluster> found = model == null ? BulkSearch.clusters(profiles, partLinks, rules, marks)
                        : BulkSearch.clusters(profiles, partLinks, rules, model.partScores(
                        Arrays.stream(pairsByPart, pairsFrom, nextPair).mapToInt(p -> (int) p).toArray(),
                        local::get, scanned(records)), marks);
                found.forEach(clusters::add);
                from = to;
            }
        }

        /** The records of a search with a model, which spills whole records. */
        @SuppressWarnings("unchecked")
        private List<ScannedRecord> scanned(List<T> records) {
            return (List<ScannedRecord>) records;
        }

        /** The rules' links (not the model's, which come with its pairs), each as its part and index, sorted. */
        private long[] ruleLinksByPart(UnionFind parts) {
            long[] byPart = new long[links.size()];
            int count = 0;
            for (int link = 0; link < links.size(); link++) {
                if (links.source(link) < rules.size()) {
                    byPart[count++] = ((long) parts.find(links.first(link)) << 32) | link;
                }
            }
            byPart = Arrays.copyOf(byPart, count);
            Arrays.sort(byPart);
            return byPart;
        }

        /** The model's pairs that link or keep apart two records of one part, each as its part and index, sorted. */
        private long[] pairsByPart(UnionFind parts, boolean[] linked) {
            ScoredPairs pairs = model.pairs();
            long[] byPart = new long[pairs.size()];
            int count = 0;
            for (int pair = 0; pair < pairs.size(); pair++) {
                int a = pairs.first(pair);
                if (pairs.level(pair) != ScoredPairs.Level.REVIEW && linked[a]
                        && parts.find(a) == parts.find(pairs.second(pair))) {
                    byPart[count++] = ((long) parts.find(a) << 32) | pair;
                }
            }
            byPart = Arrays.copyOf(byPart, count);
            Arrays.sort(byPart);
            return byPart;
        }
    }

    /** The linked records, each as its part (high 32 bits) and number (low), sorted: a part's records in a row. */
    private static long[] byPart(UnionFind parts, boolean[] linked) {
        int count = 0;
        for (boolean l : linked) {
            count += l ? 1 : 0;
        }
        long[] byPart = new long[count];
        int next = 0;
        for (int record = 0; record < linked.length; record++) {
            if (linked[record]) {
                byPart[next++] = ((long) parts.find(record) << 32) | record;
            }
        }
        Arrays.sort(byPart);
        return byPart;
    }

    private static Map<RecordRef, List<RecordPair>> marksByRecord(Set<RecordPair> marks) {
        Map<RecordRef, List<RecordPair>> byRecord = new HashMap<>();
        marks.forEach(mark -> byRecord.computeIfAbsent(mark.first(), r -> new ArrayList<>()).add(mark));
        return byRecord;
    }

    private static Set<RecordPair> marksAmong(List<RecordProfile> records, Map<RecordRef, List<RecordPair>> marksOf) {
        if (marksOf.isEmpty()) {
            return Set.of();
        }
        Set<RecordRef> refs = new HashSet<>();
        records.forEach(r -> refs.add(r.ref()));
        Set<RecordPair> among = new HashSet<>();
        for (RecordRef ref : refs) {
            for (RecordPair mark : marksOf.getOrDefault(ref, List.of())) {
                if (refs.contains(mark.second())) {
                    among.add(mark);
                }
            }
        }
        return among;
    }

    private Path workDirectory() {
        try {
            Files.createDirectories(directory);
            return Files.createTempDirectory(directory, "bulk-search-");
        } catch (IOException e) {
            throw new SpillFailedException("create", e);
        }
    }

    private static void delete(Path work) {
        try (var files = Files.list(work)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(work);
        } catch (IOException e) {
            throw new SpillFailedException("delete", e);
        }
    }
}
