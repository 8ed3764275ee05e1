package org.dedup.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.dedup.domain.match.FieldMatch;
import org.dedup.domain.model.CompanyId;
import org.dedup.domain.model.ContactId;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.DuplicateGroup;
import org.dedup.domain.search.DuplicateGroupStore;
import org.dedup.domain.search.GroupLink;
import org.dedup.domain.search.RecordPair;
import org.junit.jupiter.api.Test;

/** What every {@link DuplicateGroupStore} adapter does. */
public abstract class DuplicateGroupStoreContract {

    protected abstract DuplicateGroupStore groups();

    private static TenantId aTenant() {
        return new TenantId("groups-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static DuplicateGroup aGroup(String... rules) {
        return new DuplicateGroup(UUID.randomUUID(), List.of(LeadId.random(), ContactId.random(), CompanyId.random()),
                List.of(rules));
    }

    @Test
    void noGroupsUntilASearchStoredSome() {
        assertTrue(groups().groups(aTenant()).isEmpty());
    }

    @Test
    void groupsComeBackWithTheirMembersAndRulesInTheOrderStored() {
        TenantId tenant = aTenant();
        List<DuplicateGroup> found = List.of(aGroup("Same email"), aGroup("Same phone", "Same name"), aGroup());
        groups().replace(tenant, found);
        assertEquals(found, groups().groups(tenant));
    }

    @Test
    void groupsComeBackWithTheirLinksScoresAndExplanations() {
        TenantId tenant = aTenant();
        LeadId lead = LeadId.random();
        ContactId contact = ContactId.random();
        GroupLink link = new GroupLink(new RecordPair(lead, contact), "big_data", 0.9375, List.of(
                new FieldMatch("surname", "kowalski", "kowalsky", "jaro_winkler", 0.96),
                FieldMatch.equal("phone", "+14155552671")));
        List<DuplicateGroup> found = List.of(new DuplicateGroup(UUID.randomUUID(), List.of(lead, contact),
                List.of("big_data"), List.of(link)));

        groups().replace(tenant, found);

        assertEquals(found, groups().groups(tenant));
    }

    @Test
    void aNewSearchReplacesTheGroupsOfItsTenantOnly() {
        TenantId tenant = aTenant();
        TenantId other = aTenant();
        List<DuplicateGroup> theirs = List.of(aGroup("Same email"));
        groups().replace(other, theirs);
        groups().replace(tenant, List.of(aGroup("Same email")));
        List<DuplicateGroup> latest = List.of(aGroup("Same phone"));
        groups().replace(tenant, latest);

        assertEquals(latest, groups().groups(tenant));
        assertEquals(theirs, groups().groups(other));
    }

    private static List<DuplicateGroup> someGroups(int count, String rule) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> aGroup(rule)).toList();
    }

    @Test
    void readersSeeTheOldOrTheNewGroupsNeverAMixOrNothing() throws Exception {
        TenantId tenant = aTenant();
        List<DuplicateGroup> before = someGroups(40, "Same email");
        List<DuplicateGroup> after = someGroups(25, "Same phone");
        groups().replace(tenant, before);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<?> writer = threads.submit(() -> {
                for (int i = 0; i < 20; i++) {
                    groups().replace(tenant, i % 2 == 0 ? after : before);
                }
            });
            List<Future<List<List<DuplicateGroup>>>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(threads.submit(() -> {
                    List<List<DuplicateGroup>> seen = new ArrayList<>();
                    while (!writer.isDone()) {
                        seen.add(groups().groups(tenant));
                    }
                    return seen;
                }));
            }
            writer.get(60, TimeUnit.SECONDS);
            for (Future<List<List<DuplicateGroup>>> reader : readers) {
                for (List<DuplicateGroup> seen : reader.get(60, TimeUnit.SECONDS)) {
                    assertTrue(seen.equals(before) || seen.equals(after), "a reader saw " + seen.size() + " groups");
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void concurrentReplacementsLeaveExactlyOneOfTheirSets() throws Exception {
        TenantId tenant = aTenant();
        List<List<DuplicateGroup>> sets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sets.add(someGroups(30, "Set " + i));
        }
        ExecutorService threads = Executors.newFixedThreadPool(sets.size());
        try {
            List<Future<?>> replacing = sets.stream()
                    .<Future<?>>map(set -> threads.submit(() -> groups().replace(tenant, set))).toList();
            for (Future<?> replaced : replacing) {
                replaced.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertTrue(sets.contains(groups().groups(tenant)), "not one whole set: " + groups().groups(tenant).size());
    }

    /** More groups than a store writes together (the jOOQ adapter: a thousand), so some are written before the end. */
    private static final int MANY = 2_500;

    @Test
    void groupsGivenOneAtATimeReplaceTheOldOnesInTheOrderGiven() {
        TenantId tenant = aTenant();
        groups().replace(tenant, someGroups(3, "Same email"));
        List<DuplicateGroup> many = someGroups(MANY, "Same phone");

        groups().replace(tenant, many::forEach);

        assertEquals(many, groups().groups(tenant));
    }

    @Test
    void aReaderWhileTheNewGroupsAreStillComingSeesTheOldOnes() throws Exception {
        TenantId tenant = aTenant();
        List<DuplicateGroup> previous = someGroups(5, "Same email");
        groups().replace(tenant, previous);
        List<DuplicateGroup> many = someGroups(MANY, "Same phone");
        ExecutorService reader = Executors.newSingleThreadExecutor();
        List<List<DuplicateGroup>> seenMeanwhile = new ArrayList<>();
        try {
            groups().replace(tenant, action -> {
                many.subList(0, MANY - 1).forEach(action);
                try {
                    seenMeanwhile.add(reader.submit(() -> groups().groups(tenant)).get(60, TimeUnit.SECONDS));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                action.accept(many.getLast());
            });
        } finally {
            reader.shutdownNow();
        }

        assertTrue(seenMeanwhile.getFirst().equals(previous), "while the new groups came a reader saw "
                + seenMeanwhile.getFirst().size() + " groups, not the 5 old ones");
        assertEquals(many, groups().groups(tenant));
    }

    @Test
    void aSourceThatFailsAfterGivingSomeGroupsLeavesThePreviousGroups() {
        TenantId tenant = aTenant();
        List<DuplicateGroup> previous = someGroups(5, "Same email");
        groups().replace(tenant, previous);
        IllegalStateException cutShort = new IllegalStateException("the spilled groups are cut short");

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> groups().replace(tenant, action -> {
            someGroups(MANY, "Same phone").forEach(action);
            throw cutShort;
        }));

        assertSame(cutShort, thrown);
        assertEquals(previous, groups().groups(tenant));
    }

    @Test
    void aReplacementThatFailsHalfwayLeavesThePreviousGroups() {
        TenantId tenant = aTenant();
        List<DuplicateGroup> previous = someGroups(5, "Same email");
        groups().replace(tenant, previous);
        DuplicateGroup twice = aGroup("Same phone");
        List<DuplicateGroup> broken = new ArrayList<>(someGroups(5, "Same phone"));
        broken.add(twice);
        broken.add(twice);

        assertThrows(RuntimeException.class, () -> groups().replace(tenant, broken));

        assertEquals(previous, groups().groups(tenant));
    }
}
