package org.dedup.spark;

import static org.dedup.domain.testing.GroupComparison.comparable;
import static org.dedup.domain.testing.GroupComparison.splittingMarks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.spark.sql.SparkSession;
import org.dedup.bench.data.PersonTenant;
import org.dedup.domain.match.ScannedRecord;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.rules.DuplicateRule;
import org.dedup.domain.rules.PreconfiguredRules;
import org.dedup.domain.search.BulkSearch;
import org.dedup.domain.search.BulkSearchResult;
import org.dedup.domain.search.DuplicateGroup;
import org.dedup.domain.search.ModelScores;
import org.dedup.domain.search.RecordPair;
import org.dedup.domain.standardize.RecordProfile;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.StandardizationOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class SparkBulkSearchTest {
    /** 10,000 in every build; {@code -Ddedup.spark.records=100000} for the figure in BENCHMARKS.md. */
    private static final int RECORDS = Integer.getInteger("dedup.spark.records", 10_000);
    private static final Logger LOG = LoggerFactory.getLogger(SparkBulkSearchTest.class);
    private static final List<DuplicateRule> RULES = PreconfiguredRules.all();
    private static final StandardizationOptions OPTIONS = StandardizationOptions.defaults();
    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.session("local[2]", 4);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void findsTheSingleNodeGroupsWithTheirIdsMembersAndRulesWhileMarksSplitSome(@TempDir Path dir) {
        PersonTenant tenant = PersonTenant.generate(RECORDS, PersonTenant.SEED);
        RecordStandardizer standardizer = Standardizing.standardizer();
        List<RecordProfile> profiles = tenant.contacts().stream().map(c -> standardizer.contact(c, OPTIONS)).toList();
        List<DuplicateGroup> earlier = new BulkSearch().run(profiles, RULES, Set.of(), List.of()).groups();
        Set<RecordPair> marks = splittingMarks(earlier);
        BulkSearchResult single = new BulkSearch().run(profiles, RULES, marks, earlier);
        ContactTable.write(spark, tenant.contacts(), dir.resolve("contacts"), "parquet");

        long start = System.nanoTime();
        BulkSearchResult distributed = new SparkBulkSearch(spark)
                .run(ContactFiles.read(spark, dir.resolve("contacts").toString(), "parquet", OPTIONS), RULES, marks,
                        earlier);
        LOG.info("{} records: single-node search {} ms, Spark job local[2] {} ms (reading and standardizing "
                        + "included), {} groups", RECORDS, single.elapsed().toMillis(),
                (System.nanoTime() - start) / 1_000_000, distributed.groups().size());

        assertTrue(single.groups().size() > earlier.size(), "the marks split some groups");
        assertEquals(comparable(single.groups(), earlier), comparable(distributed.groups(), earlier));
        assertEquals(single.pairsCompared(), distributed.pairsCompared());
        assertEquals(single.records(), distributed.records());
    }

    @Test
    void findsTheSingleNodeGroupsOfTheRulesAndTheModelTogetherWhileMarksSplitSome(@TempDir Path dir) {
        PersonTenant tenant = PersonTenant.generate(RECORDS, PersonTenant.SEED);
        RecordStandardizer standardizer = Standardizing.standardizer();
        List<ScannedRecord> records = tenant.contacts().stream()
                .map(c -> (ScannedRecord) new ScannedRecord.OfParty(c, standardizer.contact(c, OPTIONS))).toList();
        List<RecordProfile> profiles = records.stream().map(ScannedRecord::profile).toList();
        ShippedLinker model = ShippedLinker.bigData();
        ModelScores scores = new ModelScores(model.method(), model.linker().score(records));
        List<DuplicateGroup> earlier = new BulkSearch().run(profiles, RULES, scores, Set.of(), List.of()).groups();
        Set<RecordPair> marks = splittingMarks(earlier);
        BulkSearchResult single = new BulkSearch().run(profiles, RULES, scores, marks, earlier);
        ContactTable.write(spark, tenant.contacts(), dir.resolve("contacts"), "parquet");

        long start = System.nanoTime();
        BulkSearchResult distributed = new SparkModelSearch(spark).run(ContactFiles.readScanned(spark,
                dir.resolve("contacts").toString(), "parquet", OPTIONS), RULES, model, marks, earlier);
        LOG.info("{} records, rules and model: single-node search {} ms, Spark job local[2] {} ms (reading and "
                        + "standardizing included), {} groups", RECORDS, single.elapsed().toMillis(),
                (System.nanoTime() - start) / 1_000_000, distributed.groups().size());

        assertTrue(single.groups().stream().anyMatch(g -> g.rules().contains(model.method())), "the model linked");
        assertEquals(comparable(single.groups(), earlier), comparable(distributed.groups(), earlier));
        assertEquals(single.pairsCompared(), distributed.pairsCompared());
    }

    @Test
    void neverGroupsAPairMarkedNotADuplicate(@TempDir Path dir) {
        PersonTenant tenant = PersonTenant.generate(2_000, PersonTenant.SEED);
        RecordStandardizer standardizer = Standardizing.standardizer();
        List<DuplicateGroup> earlier = new BulkSearch().run(tenant.contacts().stream()
                .map(c -> standardizer.contact(c, OPTIONS)).toList(), RULES, Set.of(), List.of()).groups();
        Set<RecordPair> marks = splittingMarks(earlier);
        ContactTable.write(spark, tenant.contacts(), dir.resolve("contacts"), "csv");

        List<DuplicateGroup> groups = new SparkBulkSearch(spark)
                .run(ContactFiles.read(spark, dir.resolve("contacts").toString(), "csv", OPTIONS), RULES, marks,
                        List.of()).groups();

        assertFalse(marks.isEmpty());
        for (DuplicateGroup group : groups) {
            Set<RecordRef> members = new HashSet<>(group.members());
            marks.forEach(mark -> assertFalse(members.contains(mark.first()) && members.contains(mark.second()),
                    "group " + group.id() + " holds the marked pair " + mark));
        }
    }
}
