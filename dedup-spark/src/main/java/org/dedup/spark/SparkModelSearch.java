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
import java.util.stream.LongStream;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.dedup.domain.match.RecordLinker;
import org.dedup.domain.match.ScannedRecord;
import org.dedup.domain.match.ScoredPairs;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.rules.DuplicateRule;
import org.dedup.domain.search.BulkSearch;
import org.dedup.domain.search.BulkSearchResult;
import org.dedup.domain.search.Cluster;
import org.dedup.domain.search.DuplicateGroup;
import org.dedup.domain.search.Links;
import org.dedup.domain.search.ModelScores;
import org.dedup.domain.search.RecordPair;
import org.dedup.domain.standardize.RecordProfile;

import scala.Tuple2;

/**
 * The bulk search by the rules and a model together ({@link BulkSearch#run(List, List, ModelScores, Set, List)}) as a
 * Spark job: the rules' blocks are checked as {@link SparkBulkSearch} checks them; each record also goes to the
 * model's blocks by the linker's own block keys, each block's records are scored together by the same linker (a pair
 * sharing several blocks once), the connected parts of the rules' links and the model's merge-level pairs are found
 * on the driver from record numbers, and each part is clustered on an executor by the domain's clustering with its
 * own scored pairs and marks. The groups are the single-node search's, ids, members, rules and links.
 */
public final class SparkModelSearch {
    private static final double RULE_WEIGHT = 1.0;
    private final JavaSparkContext context;

    public SparkModelSearch(SparkSession spark) {
        this.context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    public BulkSearchResult run(JavaRDD<ScannedRecord> records, List<DuplicateRule> rules, ShippedLinker model,
                                Set<RecordPair> notDuplicates, List<DuplicateGroup> previous) {
        long start = System.nanoTime();
        Broadcast<ArrayList<DuplicateRule>> bulkRules = context.broadcast(new ArrayList<>(BulkSearch.bulkRules(rules)));
        Broadcast<ShippedMarks> marks = context.broadcast(new ShippedMarks(notDuplicates));
        JavaPairRDD<Long, ScannedRecord> numbered = records.zipWithIndex().mapToPair(Tuple2::swap)
                .persist(StorageLevel.MEMORY_AND_DISK());
        long count = numbered.count();
        int partitions = SparkBulkSearch.partitions(context, count);
        LongAccumulator compared = context.sc().longAccumulator("pairs compared");
        CollectionAccumulator<String> oversized = context.sc().collectionAccumulator("oversized blocks");
        JavaRDD<int[]> ruleLinks = SparkBulkSearch.ruleLinks(
                numbered.mapValues(record -> StandardizedRecord.of(record.profile())), bulkRules, marks, compared,
                oversized, partitions).persist(StorageLevel.MEMORY_AND_DISK());
        JavaRDD<ModelPair> pairs = numbered.flatMapToPair(record -> modelEntries(record, model))
                .groupByKey(partitions)
                .flatMapToPair(block -> scored(block._2(), model, marks.value()))
                .reduceByKey((pair, same) -> pair, partitions)
                .values()
                .persist(StorageLevel.MEMORY_AND_DISK());
        long modelPairs = pairs.count();
        List<long[]> linkChunks = new ArrayList<>(ruleLinks.mapPartitions(SparkBulkSearch::packed).collect());
        linkChunks.addAll(pairs.filter(ModelPair::links).mapPartitions(SparkModelSearch::packed).collect());
        Broadcast<int[]> partOf = context.broadcast(Components.of(Math.toIntExact(count), linkChunks));
        List<Cluster> clusters = ruleLinks.mapToPair(link -> new Tuple2<>(partOf.value()[link[0]], link))
                .cogroup(numbered.filter(record -> !Components.alone(partOf.value()[record._1().intValue()]))
                                .mapToPair(record -> new Tuple2<>(partOf.value()[record._1().intValue()], record)),
                        pairs.filter(pair -> inOnePart(pair, partOf.value()))
                                .mapToPair(pair -> new Tuple2<>(partOf.value()[pair.first()], pair)), partitions)
                .flatMap(part -> clustersOf(part._2()._1(), part._2()._2(), part._2()._3(), bulkRules.value(),
                        marks.value(), model))
                .collect();
        List<DuplicateGroup> groups = BulkSearch.withStableIds(clusters, previous);
        pairs.unpersist();
        ruleLinks.unpersist();
        numbered.unpersist();
        return new BulkSearchResult(Math.toIntExact(count), compared.value() + modelPairs, count * (count - 1) / 2,
                groups, oversized.value(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** The record under each of the model's blocks: block key to (record number, record). */
    private static Iterator<Tuple2<String, Tuple2<Long, ScannedRecord>>> modelEntries(
            Tuple2<Long, ScannedRecord> record, ShippedLinker model) {
        List<Tuple2<String, Tuple2<Long, ScannedRecord>>> entries = new ArrayList<>();
        for (String key : blocking(model).keys(record._2())) {
            entries.add(new Tuple2<>(key, record));
        }
        return entries.iterator();
    }

    /** The pairs of one model block scored by the linker, its records in the order of their numbers. */
    private static Iterator<Tuple2<Long, ModelPair>> scored(Iterable<Tuple2<Long, ScannedRecord>> block,
                                                           ShippedLinker model, ShippedMarks marks) {
        List<Tuple2<Long, ScannedRecord>> members = new ArrayList<>();
        block.forEach(members::add);
        if (members.size() < 2 || members.size() > blocking(model).maxBlock()) {
            return java.util.Collections.emptyIterator();
        }
        members.sort(Comparator.comparing(Tuple2::_1));
        ScoredPairs scored = model.linker().score(members.stream().map(Tuple2::_2).toList());
        List<Tuple2<Long, ModelPair>> pairs = new ArrayList<>(scored.size());
        for (int pair = 0; pair < scored.size(); pair++) {
            Tuple2<Long, ScannedRecord> first = members.get(scored.first(pair));
            Tuple2<Long, ScannedRecord> second = members.get(scored.second(pair));
            ModelPair scoredPair = new ModelPair(first._1().intValue(), second._1().intValue(), scored.score(pair),
                    scored.level(pair), marks.all().contains(new RecordPair(first._2().ref(), second._2().ref())));
            pairs.add(new Tuple2<>(scoredPair.packed(), scoredPair));
        }
        return pairs.iterator();
    }

    private static RecordLinker.Blocking blocking(ShippedLinker model) {
        return model.linker().blocking().orElseThrow(() -> new IllegalStateException(model.method()
                + " does not say how it blocks"));
    }

    /** Whether a pair that links or keeps apart has both records in one part (a pair across parts changes nothing). */
    private static boolean inOnePart(ModelPair pair, int[] partOf) {
        return pair.level() != ScoredPairs.Level.REVIEW && !Components.alone(partOf[pair.first()])
                && partOf[pair.first()] == partOf[pair.second()];
    }

    private static Iterator<long[]> packed(Iterator<ModelPair> pairs) {
        LongStream.Builder packed = LongStream.builder();
        pairs.forEachRemaining(pair -> packed.add(pair.packed()));
        return List.of(packed.build().toArray()).iterator();
    }

    /** The domain's clusters of one connected part, its records numbered from 0 in record-number order. */
    private static Iterator<Cluster> clustersOf(Iterable<int[]> partLinks,
                                                Iterable<Tuple2<Long, ScannedRecord>> partRecords,
                                                Iterable<ModelPair> partPairs, List<DuplicateRule> rules,
                                                ShippedMarks marks, ShippedLinker model) {
        List<Tuple2<Long, ScannedRecord>> numbered = new ArrayList<>();
        partRecords.forEach(numbered::add);
        numbered.sort(Comparator.comparing(Tuple2::_1));
        Map<Integer, Integer> local = new HashMap<>();
        List<ScannedRecord> records = new ArrayList<>();
        Set<RecordRef> refs = new HashSet<>();
        for (Tuple2<Long, ScannedRecord> record : numbered) {
            local.put(record._1().intValue(), records.size());
            records.add(record._2());
            refs.add(record._2().ref());
        }
        Links links = new Links();
        partLinks.forEach(link -> links.add(local.get(link[0]), local.get(link[1]), link[2], RULE_WEIGHT));
        RecordLinker linker = model.linker();
        ScoredPairs scores = new ScoredPairs((a, b, score) -> linker.score(List.of(records.get(a), records.get(b)))
                .explain(0, 1, score));
        partPairs.forEach(pair -> scores.add(local.get(pair.first()), local.get(pair.second()), pair.score(),
                pair.level()));
        List<RecordProfile> profiles = records.stream().map(ScannedRecord::profile).toList();
        return BulkSearch.clusters(profiles, links, rules, new ModelScores(model.method(), scores), marks.among(refs))
                .iterator();
    }
}
