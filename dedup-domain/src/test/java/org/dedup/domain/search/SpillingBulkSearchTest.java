package org.dedup.domain.search;

import static org.dedup.domain.testing.GroupComparison.comparable;
import static org.dedup.domain.testing.GroupComparison.members;
import static org.dedup.domain.testing.GroupComparison.splittingMarks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.dedup.domain.match.FieldMatch;
import org.dedup.domain.match.RecordLinker;
import org.dedup.domain.match.ScannedRecord;
import org.dedup.domain.match.ScoredPairs;
import org.dedup.domain.model.Company;
import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.Contact;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.rules.DuplicateRule;
import org.dedup.domain.rules.PreconfiguredRules;
import org.dedup.domain.standardize.ProfileField;
import org.dedup.domain.standardize.RecordProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search that spills to disk finds what the in-memory search finds, whatever the run size. */
class SpillingBulkSearchTest {
    private static final List<DuplicateRule> RULES = PreconfiguredRules.all();
    /** Small enough that 3,000 records' blocks take several runs. */
    private static final int TINY_RUN = 500;
    @TempDir
    Path spill;
    private List<RecordProfile> records;
    private List<DuplicateGroup> earlier;
    private Set<RecordPair> marks;

    @BeforeEach
    void aTenantSearchedOnceAndThenMarked() {
        records = tenant(3_000, new Random(23));
        earlier = new BulkSearch().run(records, RULES, Set.of(), List.of()).groups();
        marks = splittingMarks(earlier);
    }

    @Nested
    class SameGroupsAsInMemory {
        @Test
        void withTheirKeptIdsMembersRulesAndLinksWhileMarksSplitSome() {
            BulkSearchResult inMemory = new BulkSearch().run(records, RULES, marks, earlier);

            BulkSearchResult spilled = new SpillingBulkSearch(spill, TINY_RUN).run(records::forEach, RULES, marks,
                    earlier);

            assertNotEquals(members(earlier), members(inMemory.groups()), "the marks split some groups");
            assertEquals(comparable(inMemory.groups(), earlier), comparable(spilled.groups(), earlier));
            assertEquals(inMemory.pairsCompared(), spilled.pairsCompared());
            assertEquals(inMemory.records(), spilled.records());
        }

        @Test
        void withTheSameBlocksReportedAsTooLargeToExpand() {
            List<RecordProfile> withPlaceholder = new ArrayList<>(records);
            for (int i = 0; i <= BulkSearch.MAX_BLOCK; i++) {
                withPlaceholder.add(profile(ContactId.random(), Map.of(ProfileField.EMAIL, "noreply@example.com")));
            }
            BulkSearchResult inMemory = new BulkSearch().run(withPlaceholder, RULES, marks, earlier);

            BulkSearchResult spilled = new SpillingBulkSearch(spill, TINY_RUN).run(withPlaceholder::forEach, RULES,
                    marks, earlier);

            assertEquals(Set.copyOf(inMemory.oversizedBlocks()), Set.copyOf(spilled.oversizedBlocks()));
            assertEquals(2, spilled.oversizedBlocks().size(), "the contact rule and the lead-and-contact rule");
            assertEquals(comparable(inMemory.groups(), earlier), comparable(spilled.groups(), earlier));
        }
    }

    @Nested
    class WithAModel {
        private final CoinLinker linker = new CoinLinker();
        private List<ScannedRecord> scanned;

        @BeforeEach
        void theTenantsRecordsAsAScanReadsThem() {
            scanned = records.stream().map(SpillingBulkSearchTest::scanned).toList();
        }

        @Test
        void findsTheInMemoryGroupsOfTheRulesAndTheModelTogether() {
            BulkSearchResult inMemory = new BulkSearch().run(records, RULES,
                    new ModelScores("big_data", linker.score(scanned)), marks, earlier);

            BulkSearchResult spilled = new SpillingBulkSearch(spill, TINY_RUN).run(scanned::forEach, RULES,
                    "big_data", linker, marks, earlier);

            assertTrue(inMemory.groups().stream().anyMatch(g -> g.rules().contains("big_data")));
            assertEquals(comparable(inMemory.groups(), earlier), comparable(spilled.groups(), earlier));
            assertEquals(inMemory.pairsCompared(), spilled.pairsCompared());
        }

        @Test
        void findsTheInMemoryGroupsOfTheModelAlone() {
            BulkSearchResult inMemory = new BulkSearch().run(records, List.of(),
                    new ModelScores("big_data", linker.score(scanned)), marks, earlier);

            BulkSearchResult spilled = new SpillingBulkSearch(spill, TINY_RUN).run(scanned::forEach, List.of(),
                    "big_data", linker, marks, earlier);

            assertTrue(inMemory.groups().size() > 100, "groups: " + inMemory.groups().size());
            assertEquals(comparable(inMemory.groups(), earlier), comparable(spilled.groups(), earlier));
            assertEquals(inMemory.pairsCompared(), spilled.pairsCompared());
        }
    }

    /**
     * A stand-in model: blocks by full name and by email (blocks of at most 20), and scores a pair by a coin its two
     * ids throw, in their order: merge at 0.6 and above, apart below 0.25, so many pairs link and many are kept apart.
     */
    private static final class CoinLinker implements RecordLinker {
        private static final int MAX_BLOCK = 20;

        @Override
        public ScoredPairs score(List<ScannedRecord> records) {
            ScoredPairs scored = new ScoredPairs((a, b, score) -> List.of(new FieldMatch("big_data",
                    records.get(a).ref().toString(), records.get(b).ref().toString(), "coin", score)));
            Map<String, List<Integer>> blocks = new HashMap<>();
            for (int i = 0; i < records.size(); i++) {
                for (String key : keys(records.get(i))) {
                    blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                }
            }
            Set<Long> seen = new HashSet<>();
            for (List<Integer> block : blocks.values()) {
                for (int x = 0; block.size() <= MAX_BLOCK && x < block.size(); x++) {
                    for (int y = x + 1; y < block.size(); y++) {
                        if (seen.add((long) block.get(x) << 32 | block.get(y))) {
                            double coin = coin(records.get(block.get(x)), records.get(block.get(y)));
                            scored.add(block.get(x), block.get(y), coin, coin >= 0.6 ? ScoredPairs.Level.MERGE
                                    : coin < 0.25 ? ScoredPairs.Level.APART : ScoredPairs.Level.REVIEW);
                        }
                    }
                }
            }
            return scored;
        }

        @Override
        public Optional<Blocking> blocking() {
            return Optional.of(new Blocking() {
                @Override
                public Set<String> keys(ScannedRecord record) {
                    return CoinLinker.keys(record);
                }

                @Override
                public int maxBlock() {
                    return MAX_BLOCK;
                }
            });
        }

        private static Set<String> keys(ScannedRecord record) {
            Set<String> keys = new HashSet<>();
            record.profile().values(ProfileField.FULL_NAME).forEach(name -> keys.add("n" + name));
            record.profile().values(ProfileField.EMAIL).forEach(email -> keys.add("e" + email));
            return keys;
        }

        private static double coin(ScannedRecord first, ScannedRecord second) {
            return Math.floorMod(first.ref().hashCode() * 31 + second.ref().hashCode(), 1_000) / 1_000.0;
        }
    }

    /** A profile as a scan reads it: a contact (or company) with the profile's name, and the profile. */
    private static ScannedRecord scanned(RecordProfile profile) {
        return switch (profile.ref()) {
            case CompanyId company -> new ScannedRecord.OfParty(new Company(company,
                    profile.first(ProfileField.COMPANY_NAME).orElse("company"), "", List.of(), List.of(), Map.of()),
                    profile);
            case ContactId contact -> new ScannedRecord.OfParty(new Contact(contact,
                    profile.first(ProfileField.FULL_NAME).orElse(""), List.of(), List.of(), Map.of()), profile);
            case LeadId lead -> new ScannedRecord.OfParty(new Contact(new ContactId(lead.value()),
                    profile.first(ProfileField.FULL_NAME).orElse(""), List.of(), List.of(), Map.of()), profile);
        };
    }

    @Nested
    class Spilling {
        @Test
        void aRunSizeSmallerThanTheBlocksSpillsThemInSeveralSortedRuns() {
            List<DuplicateGroup> groups = new ArrayList<>();

            SpilledSearchResult result = new SpillingBulkSearch(spill, TINY_RUN).run(records::forEach, RULES, marks,
                    earlier, found -> found.forEach(groups::add));

            assertTrue(result.runs() > 10, "runs: " + result.runs());
            assertEquals(result.groups(), groups.size());
        }

        @Test
        void aRunSizeLargerThanTheBlocksTakesOneRun() {
            SpilledSearchResult result = new SpillingBulkSearch(spill, 1_000_000).run(records::forEach, RULES, marks,
                    earlier, found -> { });

            assertEquals(1, result.runs());
        }

        @Test
        void leavesNoFileBehind() throws Exception {
            new SpillingBulkSearch(spill, TINY_RUN).run(records::forEach, RULES, marks, earlier, found -> { });

            try (var left = Files.list(spill)) {
                assertEquals(List.of(), left.toList());
            }
        }
    }

    /**
     * Leads, contacts and companies whose names, emails, phones and websites come from small pools, so that many
     * share values and chains of links join several records; one in five a contact copying an earlier record's
     * values, so that pairs share several blocks.
     */
    private static List<RecordProfile> tenant(int size, Random random) {
        List<RecordProfile> tenant = new ArrayList<>();
        List<Map<ProfileField, String>> drawn = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (i > 0 && random.nextInt(5) == 0) {
                Map<ProfileField, String> copied = drawn.get(random.nextInt(drawn.size()));
                drawn.add(copied);
                tenant.add(profile(ContactId.random(), copied));
                continue;
            }
            Map<ProfileField, String> values = new HashMap<>();
            int kind = random.nextInt(10);
            if (kind < 8) {
                values.put(ProfileField.FULL_NAME, "name " + random.nextInt(size / 3));
            } else {
                values.put(ProfileField.COMPANY_NAME, "company " + random.nextInt(size / 20));
                values.put(ProfileField.WEBSITE, "site" + random.nextInt(size / 20) + ".com");
            }
            if (random.nextInt(3) > 0) {
                values.put(ProfileField.EMAIL, "mail" + random.nextInt(size / 2) + "@example.com");
            }
            if (random.nextInt(3) > 0) {
                values.put(ProfileField.PHONE_LAST10, String.valueOf(5_550_000_000L + random.nextInt(size / 2)));
            }
            drawn.add(values);
            RecordRef ref = switch (kind) {
                case 0, 1 -> LeadId.random();
                case 8, 9 -> CompanyId.random();
                default -> ContactId.random();
            };
            tenant.add(profile(ref, values));
        }
        return tenant;
    }

    private static RecordProfile profile(RecordRef ref, Map<ProfileField, String> values) {
        Map<ProfileField, Set<String>> fields = new HashMap<>();
        values.forEach((field, value) -> fields.put(field, Set.of(value)));
        return new RecordProfile(ref, fields, List.of());
    }
}
