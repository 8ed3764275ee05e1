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
import org.dedup.domain.search.Links;
import org.dedup.domain.search.RecordPair;
import org.dedup.domain.standardize.RecordProfile;

import scala.Tuple2;

/**
 * The bulk search ({@link BulkSearch}) as a Spark job: Spark distributes the work, the domain decides. Each record
 * goes to its blocks by the domain's block keys; each block's pairs are checked by the domain's rule evaluation
 * (marks skipped); the links' connected parts are found on the driver from record numbers alone; each part is
 * clustered on an executor by the domain's clustering with its own marks; the driver gives the clusters their
 * stable ids as the domain does. The groups are the single-node search's, ids and members.
 */
public final class SparkBulkSearch {
    /** A rule's link weighs 1, as in the single-node search. */
    private static final double RULE_WEIGHT = 1.0;
    private final JavaSparkContext context;

    public SparkBulkSearch(SparkSession spark) {
        this.context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    public BulkSearchResult run(JavaRDD<StandardizedRecord> records, List<DuplicateRule> rules,
                                Set<RecordPair> notDuplicates, List<DuplicateGroup> previous) {
        long start = System.nanoTime();
        Broadcast<ArrayList<DuplicateRule>> bulkRules = context.broadcast(new ArrayList<>(BulkSearch.bulkRules(rules)));
        Broadcast<ShippedMarks> marks = context.broadcast(new ShippedMarks(notDuplicates));
        JavaPairRDD<Long, StandardizedRecord> numbered = records.zipWithIndex().mapToPair(Tuple2::swap)
                .persist(StorageLevel.MEMORY_AND_DISK());
        long count = numbered.count();
        LongAccumulator compared = context.sc().longAccumulator("pairs compared");
        CollectionAccumulator<String> oversized = context.sc().collectionAccumulator("oversized blocks");
        JavaRDD<int[]> links = ruleLinks(numbered, bulkRules, marks, compared, oversized)
                .persist(StorageLevel.MEMORY_AND_DISK());
        int[] parts = Components.of(Math.toIntExact(count), links.mapPartitions(SparkBulkSearch::packed).collect());
        Broadcast<int[]> partOf = context.broadcast(parts);
        List<Cluster> clusters = links.mapToPair(link -> new Tuple2<>(partOf.value()[link[0]], link))
                .cogroup(numbered.filter(record -> !Components.alone(partOf.value()[record._1().intValue()]))
                                .mapToPair(record -> new Tuple2<>(partOf.value()[record._1().intValue()], record)))
                .flatMap(part -> clustersOf(part._2()._1(), part._2()._2(), bulkRules.value(), marks.value()))
                .collect();
        List<DuplicateGroup> groups = BulkSearch.withStableIds(clusters, previous);
        links.unpersist();
        numbered.unpersist();
        return new BulkSearchResult(Math.toIntExact(count), compared.value(), count * (count - 1) / 2, groups,
                oversized.value(), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * The links the rules make: each record to its blocks by the domain's block keys, each block's pairs checked by
     * the domain's rule evaluation (marks skipped), as (smaller record number, larger, rule number).
     */
    static JavaRDD<int[]> ruleLinks(JavaPairRDD<Long, StandardizedRecord> numbered,
                                    Broadcast<ArrayList<DuplicateRule>> bulkRules, Broadcast<ShippedMarks> marks,
                                    LongAccumulator compared, CollectionAccumulator<String> oversized) {
        return numbered
                .flatMapToPair(record -> blockEntries(record, bulkRules.value()))
                .groupByKey()
                .mapPartitions(blocks -> linksOf(blocks, bulkRules.value(), marks.value(), compared, oversized));
    }

    /** The record under each of its blocks: (rule number, block key) to (record number, record). */
    private static Iterator<Tuple2<Tuple2<Integer, String>, Tuple2<Long, StandardizedRecord>>> blockEntries(
            Tuple2<Long, StandardizedRecord> record, List<DuplicateRule> rules) {
        RecordProfile profile = record._2().profile();
        List<Tuple2<Tuple2<Integer, String>, Tuple2<Long, StandardizedRecord>>> entries = new ArrayList<>();
        for (int rule = 0; rule < rules.size(); rule++) {
            for (String key : BulkSearch.blockKeys(profile, rules.get(rule))) {
                entries.add(new Tuple2<>(new Tuple2<>(rule, key), record));
            }
        }
        return entries.iterator();
    }

    /** The links of a partition's blocks: (smaller record number, larger, rule number) for each pair a rule holds for. */
    private static Iterator<int[]> linksOf(
            Iterator<Tuple2<Tuple2<Integer, String>, Iterable<Tuple2<Long, StandardizedRecord>>>> blocks,
            List<DuplicateRule> rules, ShippedMarks shippedMarks, LongAccumulator compared,
            CollectionAccumulator<String> oversized) {
        BulkSearch search = new BulkSearch();
        Set<RecordPair> marks = shippedMarks.all();
        List<int[]> links = new ArrayList<>();
        while (blocks.hasNext()) {
            Tuple2<Tuple2<Integer, String>, Iterable<Tuple2<Long, StandardizedRecord>>> block = blocks.next();
            List<Tuple2<Long, StandardizedRecord>> members = new ArrayList<>();
            block._2().forEach(members::add);
            DuplicateRule rule = rules.get(block._1()._1());
            if (members.size() > BulkSearch.MAX_BLOCK) {
                oversized.add(BulkSearch.oversizedBlock(rule, block._1()._2(), members.size()));
                continue;
            }
            List<RecordProfile> profiles = members.stream().map(member -> member._2().profile()).toList();
            for (int i = 0; i < members.size(); i++) {
                for (int j = i + 1; j < members.size(); j++) {
                    compared.add(1);
                    if (search.linked(rule, profiles.get(i), profiles.get(j), marks)) {
                        int a = members.get(i)._1().intValue();
                        int b = members.get(j)._1().intValue();
                        links.add(new int[] {Math.min(a, b), Math.max(a, b), block._1()._1()});
                    }
                }
            }
        }
        return links.iterator();
    }

    /** A partition's links as one array of longs, each link's two record numbers. */
    static Iterator<long[]> packed(Iterator<int[]> links) {
        List<Long> packed = new ArrayList<>();
        links.forEachRemaining(link -> packed.add(((long) link[0] << 32) | link[1]));
        return List.of(packed.stream().mapToLong(Long::longValue).toArray()).iterator();
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
