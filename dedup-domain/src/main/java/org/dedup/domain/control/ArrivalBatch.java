package org.dedup.domain.control;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.dedup.domain.match.MatchKey;
import org.dedup.domain.model.TenantId;

/**
 * Several arrivals of one tenant decided in the caller's transaction with the reads and writes of all of them
 * grouped: their keys locked by one statement, their earlier decisions and their candidates read up front, each
 * decided in turn on what the store held plus what the arrivals before it wrote, then the leads they merge into
 * locked by one statement and their leads, journal entries and decisions written together (an after-merge task or
 * note goes to its sink as it is made). A lead that changed in the store between the read and
 * the lock fails its version check when the writes reach the store, and the transaction is rolled back.
 * An arrival whose lead is checked again right after it was added (as BIG DATA checks all but chats) has that check
 * made in turn as well, before the next arrival is decided: its probe keys are among those locked and looked up up
 * front, and the leads it merges are locked with the others.
 */
final class ArrivalBatch {
    private final DuplicateControlPorts ports;
    private final ArrivalDecider decider;
    private final Clock clock;

    /** Deciding as {@code decider} does, on the batch's own ports over {@code ports}. */
    ArrivalBatch(DuplicateControlPorts ports, ArrivalDecider decider, Clock clock) {
        this.ports = ports;
        this.decider = decider;
        this.clock = clock;
    }

    private static Collection<MatchKey> sameTenant(TenantId batch, TenantId asked, Collection<MatchKey> keys) {
        if (!asked.equals(batch)) {
            throw new IllegalArgumentException("a batch of tenant " + batch + " was asked to lock keys of " + asked);
        }
        return keys;
    }

    /** The arrivals, all of one tenant and its settings, in order; their outcomes in the same order. */
    List<Decision> decide(List<ProbedArrival> arrivals) {
        TenantId tenant = arrivals.getFirst().lead().tenant();
        Set<MatchKey> lockKeys = new HashSet<>();
        arrivals.forEach(a -> lockKeys.addAll(a.lockKeys()));
        ports.keyLocks().lock(tenant, lockKeys);
        Map<IdempotencyKey, DecisionLog.KeyedDecision> earlier = new HashMap<>(ports.decisions()
                .findByIdempotencyKeys(tenant, arrivals.stream().flatMap(a -> a.key().stream()).distinct().toList()));
        BatchLeads leads = BatchLeads.read(ports.leads(), tenant, arrivals.getFirst().settings().scope(),
                arrivals.stream().flatMap(a -> Stream.concat(decider.search().keyLookups(a.probes()).stream(),
                        a.afterAdd().stream().flatMap(later -> decider.search().keyLookups(later.probes()).stream())))
                        .toList(),
                CandidateSearch.CANDIDATE_LIMIT);
        PendingJournal journal = new PendingJournal(ports.journal());
        Set<MatchKey> leadLocks = new HashSet<>();
        ArrivalDecider inBatch = decider.on(new DuplicateControlPorts(leads, ports.settings(), ports.decisions(),
                journal, ports.tasks(), ports.notes(), ports.transactor(),
                (lockTenant, keys) -> leadLocks.addAll(sameTenant(tenant, lockTenant, keys)),
                new BatchMarks(ports.notDuplicates(), leads::created)));
        List<Decision> outcomes = new ArrayList<>();
        List<DecisionLog.Recording> recordings = new ArrayList<>();
        for (ProbedArrival arrival : arrivals) {
            Optional<Decision> replay = arrival.replayOf(arrival.key().map(earlier::get));
            if (replay.isPresent()) {
                outcomes.add(replay.get());
                continue;
            }
            Decision decision = inBatch.decide(arrival, Set.of(), new ArrayList<>(arrival.failures()));
            Optional<Decision> afterAdd = arrival.afterAddCheck(decision)
                    .flatMap(later -> inBatch.checkAgain(decision.lead(), later, MergeTiming.AFTER_ADD, Set.of()));
            Decision answer = afterAdd.orElse(decision);
            arrival.key().ifPresent(key -> earlier.put(key, new DecisionLog.KeyedDecision(answer,
                    arrival.fingerprint())));
            recordings.addAll(arrival.recordings(decision, afterAdd, clock.instant()));
            outcomes.add(answer);
        }
        ports.keyLocks().lock(tenant, leadLocks);
        leads.flush();
        journal.flush();
        ports.decisions().recordAll(recordings);
        return outcomes;
    }
}
