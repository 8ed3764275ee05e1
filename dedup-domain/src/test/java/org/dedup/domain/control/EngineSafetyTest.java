package org.dedup.domain.control;

import static org.dedup.domain.testing.LeadBuilder.TENANT;
import static org.dedup.domain.testing.LeadBuilder.aLead;
import static org.dedup.domain.testing.LeadBuilder.anIncomingLead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.settings.MultiMatchPolicy;
import org.dedup.domain.store.KeyLocks;
import org.dedup.domain.testing.DuplicateControlFixture;
import org.junit.jupiter.api.Test;

class EngineSafetyTest {
    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstDecisionAndWritesNothing() {
        DuplicateControlFixture fixture = new DuplicateControlFixture();
        fixture.enable(MatchMethod.EMAIL);
        IdempotencyKey key = new IdempotencyKey("req-1");

        Decision first = fixture.control.receive(anIncomingLead().withEmail("jane@x.io").incoming(), key);
        Decision retry = fixture.control.receive(anIncomingLead().withEmail("jane@x.io").incoming(), key);

        assertEquals(first, retry);
        assertEquals(1, fixture.leads.count(TENANT));
    }

    @Test
    void theSameLeadArrivingTwiceIsMergedNotDuplicated() {
        DuplicateControlFixture fixture = new DuplicateControlFixture();
        fixture.enable(MatchMethod.EMAIL);
        fixture.control.receive(anIncomingLead().withEmail("jane@x.io").incoming());
        assertInstanceOf(Decision.Merged.class,
                fixture.control.receive(anIncomingLead().withEmail("jane@x.io").incoming()));
        assertEquals(1, fixture.leads.count(TENANT));
    }

    @Test
    void arrivalsOfDifferentLeadsLockNoKeyInCommon() {
        DuplicateControlFixture fixture = new DuplicateControlFixture();
        fixture.enable(MatchMethod.EMAIL, MatchMethod.PHONE);
        List<Set<MatchKey>> locked = new ArrayList<>();
        DuplicateControl control = recordingLocks(fixture, locked);

        control.receive(anIncomingLead().withEmail("jane@x.io").incoming());
        control.receive(anIncomingLead().withPhone("+1 415 555 2671").incoming());
        control.receive(anIncomingLead().withContactName("No Keys").incoming());

        assertEquals(3, locked.size());
        Set<MatchKey> overlap = new HashSet<>(locked.get(0));
        overlap.retainAll(locked.get(1));
        assertEquals(Set.of(), overlap, "unrelated arrivals must not serialise on a shared key");
        assertEquals(Set.of(), locked.get(2), "an arrival with nothing to match locks nothing");
    }

    @Test
    void anArrivalLocksTheLeadItMergesIntoAfterItsKeys() {
        DuplicateControlFixture fixture = new DuplicateControlFixture();
        fixture.enable(MatchMethod.EMAIL);
        List<Set<MatchKey>> locked = new ArrayList<>();
        DuplicateControl control = recordingLocks(fixture, locked);
        Decision first = control.receive(anIncomingLead().withEmail("jane@x.io").incoming());

        assertInstanceOf(Decision.Merged.class, control.receive(anIncomingLead().withEmail("jane@x.io").incoming()));

        assertEquals(3, locked.size(), "the first arrival's keys, the second's keys, then the lead it merges into");
        assertEquals(locked.get(0), locked.get(1));
        assertEquals(Set.of(new MatchKey("lead", first.lead().value().toString())), locked.get(2));
    }

    @Test
    void aLeadChangedAfterTheArrivalReadItIsMergedIntoAtItsCurrentVersion() {
        DuplicateControlFixture fixture = new DuplicateControlFixture();
        fixture.enable(MatchMethod.EMAIL);
        LeadId stored = fixture.control.receive(anIncomingLead().withEmail("jane@x.io").incoming()).lead();
        AtomicLong changedVersion = new AtomicLong();
        DuplicateControl control = withLocks(fixture, (tenant, keys) -> {
            fixture.transactor.lock(tenant, keys);
            if (keys.contains(new MatchKey("lead", stored.value().toString())) && changedVersion.get() == 0) {
                // another request changes the lead between this arrival's read of it and its lock on it
                Lead changed = fixture.leads.find(tenant, stored).orElseThrow().withName("Changed elsewhere")
                        .touched(fixture.clock.instant());
                fixture.leads.update(changed, fixture.matchers.indexKeys(changed,
                        fixture.settings.settings(tenant), new ArrayList<>()));
                changedVersion.set(changed.version());
            }
        });

        Decision second = control.receive(anIncomingLead().withEmail("jane@x.io").incoming());

        assertEquals(List.of(stored), assertInstanceOf(Decision.Merged.class, second).mergedInto());
        assertEquals(changedVersion.get() + 1, fixture.leads.find(TENANT, stored).orElseThrow().version(),
                "the merge is applied on top of the change, not over it");
        assertEquals(1, fixture.leads.count(TENANT));
    }

    @Test
    void anArrivalDecidedAgainLocksTheLeadFoundStaleBeforeItReadsIt() {
        DuplicateControlFixture fixture = new DuplicateControlFixture();
        fixture.enable(MatchMethod.EMAIL);
        LeadId stored = fixture.control.receive(anIncomingLead().withEmail("jane@x.io").incoming()).lead();
        MatchKey leadLock = new MatchKey("lead", stored.value().toString());
        List<Set<MatchKey>> locked = new ArrayList<>();
        DuplicateControl control = withLocks(fixture, (tenant, keys) -> {
            locked.add(Set.copyOf(keys));
            fixture.transactor.lock(tenant, keys);
            if (keys.contains(leadLock)) {
                // other arrivals (found by other keys) merge into the lead whenever this one waits for its lock
                Lead changed = fixture.leads.find(tenant, stored).orElseThrow().withName("Changed " + locked.size())
                        .touched(fixture.clock.instant());
                fixture.leads.update(changed, fixture.matchers.indexKeys(changed,
                        fixture.settings.settings(tenant), new ArrayList<>()));
            }
        });

        Decision second = control.receive(anIncomingLead().withEmail("jane@x.io").incoming());

        assertEquals(List.of(stored), assertInstanceOf(Decision.Merged.class, second).mergedInto());
        assertEquals(4, locked.size(), "keys, the lead after reading it (stale); keys, the lead before reading it");
        assertEquals(Set.of(leadLock), locked.get(3));
        assertEquals(3, fixture.leads.find(TENANT, stored).orElseThrow().version(), "two changes, then the merge");
    }

    @Test
    void anArrivalDecidedAgainWithMoreTargetsThanItLockedFirstLocksThemAllFirstOnce() {
        DuplicateControlFixture fixture = new DuplicateControlFixture();
        fixture.configure(fixture.enable(MatchMethod.EMAIL).withMultiMatchPolicy(MultiMatchPolicy.UPDATE_ALL));
        Lead first = fixture.stored(aLead().withEmail("jane@x.io"));
        Lead second = fixture.stored(aLead().withEmail("jane@x.io"));
        MatchKey firstLock = new MatchKey("lead", first.id().value().toString());
        MatchKey secondLock = new MatchKey("lead", second.id().value().toString());
        List<Set<MatchKey>> locked = new ArrayList<>();
        DuplicateControl control = withLocks(fixture, (tenant, keys) -> {
            locked.add(Set.copyOf(keys));
            fixture.transactor.lock(tenant, keys);
            if (locked.size() == 2) {
                // another arrival changes the second lead between this one's read of it and its lock on both
                Lead changed = fixture.leads.find(tenant, second.id()).orElseThrow().withName("Changed elsewhere")
                        .touched(fixture.clock.instant());
                fixture.leads.update(changed, fixture.matchers.indexKeys(changed,
                        fixture.settings.settings(tenant), new ArrayList<>()));
            }
        });

        Decision decision = control.receive(anIncomingLead().withEmail("jane@x.io").incoming());

        assertEquals(Set.of(first.id(), second.id()),
                Set.copyOf(assertInstanceOf(Decision.Merged.class, decision).mergedInto()));
        assertEquals(List.of(Set.of(firstLock, secondLock), Set.of(secondLock), Set.of(firstLock, secondLock)),
                locked.stream().filter(keys -> keys.contains(firstLock) || keys.contains(secondLock)).toList(),
                "both after reading (stale); the stale one first (the other target is outside it); both first");
    }

    private static DuplicateControl recordingLocks(DuplicateControlFixture fixture, List<Set<MatchKey>> locked) {
        return withLocks(fixture, (tenant, keys) -> {
            locked.add(Set.copyOf(keys));
            fixture.transactor.lock(tenant, keys);
        });
    }

    private static DuplicateControl withLocks(DuplicateControlFixture fixture, KeyLocks locks) {
        return fixture.controlWithLocks(locks);
    }
}
