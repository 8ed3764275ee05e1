package org.dedup.spark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.LongStream;

import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.rules.DuplicateRule;
import org.dedup.domain.search.BulkSearch;
import org.dedup.domain.search.BulkSearchResult;
import org.dedup.domain.search.Cluster;
import org.dedup.domain.search.DuplicateGroup;
import org.dedup.domain.search.GroupSource;
import org.dedup.domain.search.Links;
import org.dedup.domain.search.RecordPair;
import org.dedup.domain.search.SpilledSearchResult;
import org.dedup.domain.standardize.RecordProfile;

import scala.Tuple2;

/**
 * The bulk search ({@link BulkSearch}) as a Spark job: Spark distributes the work, the domain decides. Each record
 * goes to its blocks by the domain's block keys; each partition's entries are sorted by block so its blocks come one
 * at a time, and each block's pairs are checked by the domain's rule evaluation (marks skipped); the links'
 * connected parts are found on the driver from record numbers alone; each part is clustered on an executor by the
 * domain's clustering with its own marks; the clusters are sorted by their smallest member and take their stable
 * ids on the driver as the domain gives them, one partition at a time. The groups are the single-node search's, ids
 * and members. Memory: a task holds one block or a partition's share of connected parts, the driver 12 bytes a
 * record and 8 a link; the records and the links are kept on disk between steps.
 */
public final class SparkBulkSearch {
    /** A rule's link weighs 1, as in the single-node search. */
    private static final double RULE_WEIGHT = 1.0;
    /**
     * Records per shuffle partition, so that what one task sorts or groups stays tens of megabytes however large
     * the tenant: the partitions grow with the records, not the memory.
     */
    private static final long RECORDS_PER_PARTITION = 50_000;
    private final JavaSparkContext context;

    public SparkBulkSearch(SparkSession spark) {
        this.context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    /** The search of {@link #run(JavaRDD, List, Set, List, Consumer)}, its groups gathered in a list. */
    public BulkSearchResult run(JavaRDD<StandardizedRecord> records, List<DuplicateRule> rules,
                                Set<RecordPair> notDuplicates, List<DuplicateGroup> previous) {
        List<DuplicateGroup> groups = new ArrayList<>();
        SpilledSearchResult result = run(records, rules, notDuplicates, previous, found -> found.forEach(groups::add));
        return new BulkSearchResult(result.records(), result.pairsCompared(), result.allPairs(), groups,
                result.oversizedBlocks(), result.elapsed());
    }

    /**
     * Searches the records by the active bulk rules, skipping pairs marked "not a duplicate", and hands the groups
     * to {@code found} as a source to read once (into files or a store): each group, its id kept from
     * {@code previous} where it overlaps, in the order of its smallest member. The result's {@code runs} are the
     * shuffle partitions the blocks were sorted in.
     */
    public SpilledSearchResult run(JavaRDD<StandardizedRecord> records, List<DuplicateRule> rules,
                                   Set<RecordPair> notDuplicates, List<DuplicateGroup> previous,
                                   Consumer<GroupSource> found) {
        long start = System.nanoTime();
        Broadcast<ArrayList<DuplicateRule>> bulkRules = context.broadcast(new ArrayList<>(BulkSearch.bulkRules(rules)));
        Broadcast<ShippedMarks> marks = context.broadcast(new ShippedMarks(notDuplicates));
        // kept before they are numbered: numbering counts each partition first, which would standardize it twice
        JavaRDD<StandardizedRecord> kept = records.persist(StorageLevel.DISK_ONLY());
        JavaPairRDD<Long, StandardizedRecord> numbered = kept.zipWithIndex().mapToPair(Tuple2::swap);
        long count = kept.count();
        int partitions = partitions(context, count);
        LongAccumulator compared = context.sc().longAccumulator("pairs compared");
        CollectionAccumulator<String> oversized = context.sc().collectionAccumulator("oversized blocks");
        JavaRDD<int[]> links = ruleLinks(numbered, bulkRules, marks, compared, oversized, partitions)
                .persist(StorageLevel.DISK_ONLY());
        int[] parts = Components.of(Math.toIntExact(count), links.mapPartitions(SparkBulkSearch::packed).collect());
        Broadcast<int[]> partOf = context.broadcast(parts);
        JavaRDD<Cluster> clusters = links.mapToPair(link -> new Tuple2<>(partOf.value()[link[0]], link))
                .cogroup(numbered.filter(record -> !Components.alone(partOf.value()[record._1().intValue()]))
                                .mapToPair(record -> new Tuple2<>(partOf.value()[record._1().intValue()], record)),
                        partitions)
                .flatMap(part -> clustersOf(part._2()._1(), part._2()._2(), bulkRules.value(), marks.value()))
                .persist(StorageLevel.DISK_ONLY());
        int groups = Math.toIntExact(clusters.count());
        found.accept(inIdOrder(clusters, previous, partitions));
        clusters.unpersist();
        links.unpersist();
        kept.unpersist();
        partOf.destroy();
        return new SpilledSearchResult(Math.toIntExact(count), compared.value(), count * (count - 1) / 2, groups,
                oversized.value(), partitions, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The shuffle partitions for {@code records}: at least the context's parallelism, and more as records grow. */
    static int partitions(JavaSparkContext context, long records) {
        return Math.max(context.defaultParallelism(), Math.toIntExact(records / RECORDS_PER_PARTITION + 1));
    }

    /**
     * The clusters as groups, sorted by their smallest member on the executors and given their stable ids on the
     * driver as they arrive, one partition at a time.
     */
    static GroupSource inIdOrder(JavaRDD<Cluster> clusters, List<DuplicateGroup> previous, int partitions) {
        return action -> {
            Function<Cluster, DuplicateGroup> ids = BulkSearch.stableIds(previous);
            clusters.sortBy(cluster -> cluster.members().getFirst(), true, partitions).toLocalIterator()
                    .forEachRemaining(cluster -> action.accept(ids.apply(cluster)));
        };
    }

    /**
     * The links the rules make: each record to its blocks by the domain's block keys, the entries sorted by block
     * in each partition, each block's pairs checked by the domain's rule evaluation (marks skipped), as (smaller
     * record number, larger, rule number).
     */
    static JavaRDD<int[]> ruleLinks(JavaPairRDD<Long, StandardizedRecord> numbered,
                                    Broadcast<ArrayList<DuplicateRule>> bulkRules, Broadcast<ShippedMarks> marks,
                                    LongAccumulator compared, CollectionAccumulator<String> oversized,
                                    int partitions) {
        return numbered
                .flatMapToPair(record -> blockEntries(record, bulkRules.value()))
                .repartitionAndSortWithinPartitions(new HashPartitioner(partitions))
                .mapPartitions(entries -> linksOf(new SortedBlocks<>(entries, BulkSearch.MAX_BLOCK),
                        bulkRules.value(), marks.value(), compared, oversized));
    }

    /** The record under each of its blocks: (rule number, block key) to (record number, record). */
    private static Iterator<Tuple2<BlockKey, Tuple2<Long, StandardizedRecord>>> blockEntries(
            Tuple2<Long, StandardizedRecord> record, List<DuplicateRule> rules) {
        RecordProfile profile = record._2().profile();
        List<Tuple2<BlockKey, Tuple2<Long, StandardizedRecord>>> entries = new ArrayList<>();
        for (int rule = 0; rule < rules.size(); rule++) {
            for (String key : BulkSearch.blockKeys(profile, rules.get(rule))) {
                entries.add(new Tuple2<>(new BlockKey(rule, key), record));
            }
        }
        return entries.iterator();
    }

    /** The links of a partition's blocks: (smaller record number, larger, rule number) for each pair a rule holds for. */
    private static Iterator<int[]> linksOf(SortedBlocks<StandardizedRecord> blocks, List<DuplicateRule> rules,
                                           ShippedMarks shippedMarks, LongAccumulator compared,
                                           CollectionAccumulator<String> oversized) {
        BulkSearch search = new BulkSearch();
        Set<RecordPair> marks = shippedMarks.all();
        List<int[]> links = new ArrayList<>();
        while (blocks.hasNext()) {
            SortedBlocks.Block<StandardizedRecord> block = blocks.next();
            DuplicateRule rule = rules.get(block.key().source());
            if (block.size() > BulkSearch.MAX_BLOCK) {
                oversized.add(BulkSearch.oversizedBlock(rule, block.key().key(), block.size()));
                continue;
            }
            List<Tuple2<Long, StandardizedRecord>> members = block.members();
            List<RecordProfile> profiles = members.stream().map(member -> member._2().profile()).toList();
            for (int i = 0; i < members.size(); i++) {
                for (int j = i + 1; j < members.size(); j++) {
                    if (search.linked(rule, profiles.get(i), profiles.get(j), marks)) {
                        int a = members.get(i)._1().intValue();
                        int b = members.get(j)._1().intValue();
                        links.add(new int[] {Math.min(a, b), Math.max(a, b), block.key().source()});
                    }
                }
            }
            compared.add((long) members.size() * (members.size() - 1) / 2);
        }
        return links.iterator();
    }

    /** A partition's links as one array of longs, each link's two record numbers. */
    static Iterator<long[]> packed(Iterator<int[]> links) {
        LongStream.Builder packed = LongStream.builder();
        links.forEachRemaining(link -> packed.add(((long) link[0] << 32) | link[1]));
        return List.of(packed.build().toArray()).iterator();
    }

    /** The domain's clusters of one connected part: its records, numbered from 0 in record-number order, and links. */
    private static Iterator<Cluster> clustersOf(Iterable<int[]> partLinks,
                                                Iterable<Tuple2<Long, StandardizedRecord>> partRecords,
                                                List<DuplicateRule> rules, ShippedMarks marks) {
        List<Tuple2<Long, StandardizedRecord>> numbered = new ArrayList<>();
        partRecords.forEach(numbered::add);
        numbered.sort(Comparator.comparing(Tuple2::_1));
        Map<Integer, Integer> local = new HashMap<>();
        List<RecordProfile> records = new ArrayList<>();
        Set<RecordRef> refs = new HashSet<>();
        for (Tuple2<Long, StandardizedRecord> record : numbered) {
            local.put(record._1().intValue(), records.size());
            records.add(record._2().profile());
            refs.add(record._2().ref());
        }
        Links links = new Links();
        partLinks.forEach(link -> links.add(local.get(link[0]), local.get(link[1]), link[2], RULE_WEIGHT));
        return BulkSearch.clusters(records, links, rules, marks.among(refs)).iterator();
    }
}
