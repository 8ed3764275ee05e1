package org.dedup.domain.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import org.dedup.domain.match.FieldMatch;
import org.dedup.domain.match.ScoredPairs;
import org.dedup.domain.match.ScoredPairs.Level;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.rules.DuplicateRule;
import org.dedup.domain.standardize.ProfileField;
import org.dedup.domain.standardize.RecordProfile;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Bulk search with a model's scored pairs: groups are joined at the merge threshold and never hold two records the
 * model scored below its review threshold, not even through a third record; marks are respected as for rules.
 */
class ModelLinkClusteringTest {
    private static final DuplicateRule BY_EMAIL = new DuplicateRule("Contact: email", Set.of(RecordKind.CONTACT),
            List.of(ProfileField.EMAIL), true, true, true);
    private final BulkSearch search = new BulkSearch();

    private static List<RecordProfile> contacts(int n) {
        List<RecordProfile> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(new RecordProfile(ContactId.random(), Map.of(), List.of()));
        }
        return records;
    }

    private static ModelScores model(ScoredPairs pairs) {
        return new ModelScores("big_data", pairs);
    }

    private static ScoredPairs scoredPairs() {
        return new ScoredPairs((first, second, score) -> List.of(
                new FieldMatch("big_data", "", "", "scored " + first + " with " + second, 1.0)));
    }

    private static Set<Set<RecordRef>> groups(BulkSearchResult result) {
        Set<Set<RecordRef>> groups = new HashSet<>();
        result.groups().forEach(group -> groups.add(Set.copyOf(group.members())));
        return groups;
    }

    private BulkSearchResult byModel(List<RecordProfile> records, ScoredPairs pairs, Set<RecordPair> marks) {
        return search.run(records, List.of(), model(pairs), marks, List.of());
    }

    /** Random scored pairs: no group ever holds two records scored apart that nothing links directly. */
    @Property(tries = 200)
    void noGroupHoldsAPairScoredApart(@ForAll long seed) {
        Random random = new Random(seed);
        int n = 3 + random.nextInt(10);
        List<RecordProfile> records = contacts(n);
        ScoredPairs pairs = scoredPairs();
        Set<RecordPair> apart = new HashSet<>();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                double draw = random.nextDouble();
                if (draw < 0.3) {
                    pairs.add(a, b, 0.5 + draw, Level.MERGE);
                } else if (draw < 0.5) {
                    pairs.add(a, b, draw / 10, Level.APART);
                    apart.add(new RecordPair(records.get(a).ref(), records.get(b).ref()));
                }
            }
        }

        for (DuplicateGroup group : byModel(records, pairs, Set.of()).groups()) {
            for (RecordPair pair : apart) {
                assertFalse(group.members().containsAll(List.of(pair.first(), pair.second())),
                        "a group holds " + pair + ", scored apart: " + group.members());
            }
        }
    }

    @Nested
    class NoWeakChains {
        @Test
        void twoRecordsScoredBelowTheReviewThresholdAreNeverChainedThroughAThird() {
            List<RecordProfile> records = contacts(3);
            ScoredPairs pairs = scoredPairs();
            pairs.add(0, 1, 0.95, Level.MERGE);
            pairs.add(1, 2, 0.80, Level.MERGE);
            pairs.add(0, 2, 0.05, Level.APART);

            BulkSearchResult result = byModel(records, pairs, Set.of());

            assertEquals(Set.of(Set.of(records.get(0).ref(), records.get(1).ref())), groups(result),
                    "the weakest link (1-2) is cut, so 0 and 2 are apart");
        }

        @Test
        void recordsTheModelNeverComparedAreGroupedThroughStrongLinks() {
            List<RecordProfile> records = contacts(3);
            ScoredPairs pairs = scoredPairs();
            pairs.add(0, 1, 0.95, Level.MERGE);
            pairs.add(1, 2, 0.80, Level.MERGE);

            assertEquals(Set.of(Set.of(records.get(0).ref(), records.get(1).ref(), records.get(2).ref())),
                    groups(byModel(records, pairs, Set.of())));
        }

        @Test
        void aPairBetweenTheThresholdsNeitherJoinsNorSplitsAGroup() {
            List<RecordProfile> records = contacts(3);
            ScoredPairs pairs = scoredPairs();
            pairs.add(0, 1, 0.95, Level.MERGE);
            pairs.add(1, 2, 0.45, Level.REVIEW);

            assertEquals(Set.of(Set.of(records.get(0).ref(), records.get(1).ref())),
                    groups(byModel(records, pairs, Set.of())));
        }

        @Test
        void aRuleLinkIsNotCutByALowModelScoreOfTheSamePair() {
            List<RecordProfile> records = List.of(
                    new RecordProfile(ContactId.random(), Map.of(ProfileField.EMAIL, Set.of("a@x.io")), List.of()),
                    new RecordProfile(ContactId.random(), Map.of(ProfileField.EMAIL, Set.of("a@x.io")), List.of()));
            ScoredPairs pairs = scoredPairs();
            pairs.add(0, 1, 0.1, Level.APART);

            BulkSearchResult result = search.run(records, List.of(BY_EMAIL), model(pairs), Set.of(), List.of());

            assertEquals(1, result.groups().size());
            assertEquals(List.of("Contact: email"), result.groups().getFirst().rules());
        }
    }

    @Nested
    class Marks {
        @Test
        void aMarkedPairTheModelLinksIsNotGrouped() {
            List<RecordProfile> records = contacts(2);
            ScoredPairs pairs = scoredPairs();
            pairs.add(0, 1, 0.99, Level.MERGE);

            BulkSearchResult result = byModel(records, pairs,
                    Set.of(new RecordPair(records.get(0).ref(), records.get(1).ref())));

            assertTrue(result.groups().isEmpty(), result.groups().toString());
        }

        @Test
        void aMarkedPairIsNotGroupedThroughAThirdRecordTheModelLinksToBoth() {
            List<RecordProfile> records = contacts(3);
            ScoredPairs pairs = scoredPairs();
            pairs.add(0, 2, 0.99, Level.MERGE);
            pairs.add(1, 2, 0.70, Level.MERGE);

            BulkSearchResult result = byModel(records, pairs,
                    Set.of(new RecordPair(records.get(0).ref(), records.get(1).ref())));

            assertEquals(Set.of(Set.of(records.get(0).ref(), records.get(2).ref())), groups(result),
                    "the weaker link of the third record is cut");
        }
    }

    @Nested
    class WhatAGroupCarries {
        @Test
        void aGroupCarriesTheModelsScoreAndExplanationOfEachDirectLink() {
            List<RecordProfile> records = contacts(2);
            ScoredPairs pairs = scoredPairs();
            pairs.add(0, 1, 0.93, Level.MERGE);

            DuplicateGroup group = byModel(records, pairs, Set.of()).groups().getFirst();

            assertEquals(List.of("big_data"), group.rules());
            GroupLink link = group.links().getFirst();
            assertEquals(new RecordPair(records.get(0).ref(), records.get(1).ref()), link.pair());
            assertEquals("big_data", link.method());
            assertEquals(0.93, link.score());
            assertFalse(link.explanation().isEmpty());
        }

        @Test
        void aGroupKeepsItsIdWhenTheModelFindsItAgain() {
            List<RecordProfile> records = contacts(2);
            ScoredPairs pairs = scoredPairs();
            pairs.add(0, 1, 0.93, Level.MERGE);
            DuplicateGroup first = byModel(records, pairs, Set.of()).groups().getFirst();

            DuplicateGroup again = search.run(records, List.of(), model(pairs), Set.of(), List.of(first))
                    .groups().getFirst();

            assertEquals(first.id(), again.id());
        }
    }
}
