package org.dedup.bench.search;

import static org.dedup.domain.testing.GroupComparison.comparable;
import static org.dedup.domain.testing.GroupComparison.splittingMarks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.dedup.bench.data.PersonTenant;
import org.dedup.domain.match.RecordLinker;
import org.dedup.domain.match.ScannedRecord;
import org.dedup.domain.model.Contact;
import org.dedup.domain.rules.DuplicateRule;
import org.dedup.domain.rules.PreconfiguredRules;
import org.dedup.domain.search.BulkSearch;
import org.dedup.domain.search.BulkSearchResult;
import org.dedup.domain.search.DuplicateGroup;
import org.dedup.domain.search.ModelScores;
import org.dedup.domain.search.RecordPair;
import org.dedup.domain.search.SpillingBulkSearch;
import org.dedup.domain.standardize.RecordProfile;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.StandardizationOptions;
import org.dedup.matchers.spi.MatcherConfig;
import org.dedup.ml.matcher.BigDataMatcherProvider;
import org.dedup.standardization.CreatioCompatibleStandardizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search that spills to disk with the shipped BIG DATA model finds the in-memory search's groups on a generated
 * tenant: the model's blocks sorted on disk, each scored alone, give the pairs and scores of the whole tenant.
 */
class SpillingSearchWithTheShippedModelTest {
    private static final int CONTACTS = 20_000;
    private static final RecordLinker MODEL = new BigDataMatcherProvider().create(MatcherConfig.empty("big_data"))
            .recordLinker().orElseThrow();
    private static List<ScannedRecord> records;
    private static List<RecordProfile> profiles;
    @TempDir
    Path spill;

    @BeforeAll
    static void aGeneratedTenant() {
        RecordStandardizer standardizer = new RecordStandardizer(new CreatioCompatibleStandardizer());
        StandardizationOptions options = StandardizationOptions.defaults();
        records = new ArrayList<>();
        for (Contact contact : PersonTenant.generate(CONTACTS, PersonTenant.SEED).contacts()) {
            records.add(new ScannedRecord.OfParty(contact, standardizer.contact(contact, options)));
        }
        profiles = records.stream().map(ScannedRecord::profile).toList();
    }

    @Test
    void theModelAloneGivesTheInMemoryGroups() {
        assertSameGroups(List.of());
    }

    @Test
    void theRulesAndTheModelTogetherGiveTheInMemoryGroupsWhileMarksSplitSome() {
        assertSameGroups(PreconfiguredRules.all());
    }

    private void assertSameGroups(List<DuplicateRule> rules) {
        ModelScores model = new ModelScores("big_data", MODEL.score(records));
        List<DuplicateGroup> earlier = new BulkSearch().run(profiles, rules, model, Set.of(), List.of()).groups();
        Set<RecordPair> marks = splittingMarks(earlier);
        BulkSearchResult inMemory = new BulkSearch().run(profiles, rules, model, marks, earlier);

        BulkSearchResult spilled = new SpillingBulkSearch(spill, 10_000).run(records::forEach, rules, "big_data",
                MODEL, marks, earlier);

        assertTrue(inMemory.groups().stream().anyMatch(g -> g.rules().contains("big_data")));
        assertEquals(comparable(inMemory.groups(), earlier), comparable(spilled.groups(), earlier));
        assertEquals(inMemory.pairsCompared(), spilled.pairsCompared());
    }
}
