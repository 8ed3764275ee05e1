package org.dedup.domain.control;

import static org.dedup.domain.control.ControlPolicy.incomingStageCondition;
import static org.dedup.domain.control.ControlPolicy.strongestMethod;
import static org.dedup.domain.control.ControlPolicy.targets;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.dedup.domain.match.InstalledMatchers;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.MatcherFailure;
import org.dedup.domain.merge.ConflictMerge;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.MergeKind;
import org.dedup.domain.merge.Merges;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.LeadProfile;

/**
 * What becomes of an arrival once its duplicates are found, carried out through the ports it is given (the store's,
 * or a batch's that keep the writes until the batch flushes): create, merge into one, several or the newest, or skip
 * merging when more leads match than the merge limit.
 */
final class ArrivalDecider {
    private final DuplicateControlPorts ports;
    private final InstalledMatchers matchers;
    private final CandidateSearch search;
    private final ConflictMerge conflictMerge;
    private final Merges merges;
    private final Clock clock;
    private final int genericKeyLeads;
    private final CommonBlockKeys common;

    ArrivalDecider(DuplicateControlPorts ports, InstalledMatchers matchers, ConflictMerge conflictMerge, Clock clock,
                   int genericKeyLeads) {
        this(ports, matchers, conflictMerge, clock, genericKeyLeads, new CommonBlockKeys());
    }

    private ArrivalDecider(DuplicateControlPorts ports, InstalledMatchers matchers, ConflictMerge conflictMerge,
                           Clock clock, int genericKeyLeads, CommonBlockKeys common) {
        this.ports = ports;
        this.matchers = matchers;
        this.genericKeyLeads = genericKeyLeads;
        this.common = common;
        this.search = new CandidateSearch(ports.leads(), matchers, genericKeyLeads, common);
        this.conflictMerge = conflictMerge;
        this.merges = new Merges(ports.merging(), matchers, clock);
        this.clock = clock;
    }

    /** The same decisions carried out through other ports (a batch's). */
    ArrivalDecider on(DuplicateControlPorts other) {
        return new ArrivalDecider(other, matchers, conflictMerge, clock, genericKeyLeads, common);
    }

    CandidateSearch search() {
        return search;
    }

    /** Finds the arrival's duplicates and decides; {@code failures} collects the matchers that failed. */
    Decision decide(ProbedArrival arrival, Set<LeadId> lockedFirst, List<MatcherFailure> failures) {
        Lead lead = arrival.lead();
        DuplicateControlSettings settings = arrival.settings();
        Findings findings = incomingStageCondition(matchers, lead, search.find(arrival.profile(), arrival.probes(),
                arrival.context(), Set.of(), failures));
        List<Lead> duplicates = findings.duplicates();
        if (duplicates.isEmpty()) {
            create(arrival, failures);
            return findings.hasPossibleDuplicates()
                    ? new Decision.PendingReview(lead.id(), findings.candidates(), failures)
                    : new Decision.Created(lead.id(), findings.candidates(), failures);
        }
        if (duplicates.size() > settings.mergeLimit()) {
            create(arrival, failures);
            return new Decision.SkippedTooManyMatches(lead.id(), settings.mergeLimit(), findings.candidates(),
                    failures);
        }
        List<Lead> targets = targets(duplicates, settings);
        if (targets.isEmpty()) {
            create(arrival, failures);
            return new Decision.Created(lead.id(), findings.candidates(), failures);
        }
        MatchMethod method = strongestMethod(targets, findings);
        List<MergeId> mergeIds = new ArrayList<>();
        lockTargets(lead.tenant(), targets, lockedFirst);
        for (Lead target : targets) {
            mergeIds.add(mergeInto(target, lead, List.of(), List.of(lead), findings, settings, failures));
        }
        return new Decision.Merged(targets.stream().map(Lead::id).toList(), method, MergeTiming.ON_ARRIVAL, mergeIds,
                findings.candidates(), failures);
    }

    /**
     * The check of a stored lead by the methods that check it later (after it was added or updated), the keys of
     * {@code later} locked already: merges it into the duplicates they find (within the incoming-stage condition of
     * the methods that declare it, never into a lead marked "not a duplicate" of it, and not when more than the merge
     * limit match). Empty when the lead no longer exists or nothing was merged.
     */
    Optional<Decision> checkAgain(LeadId leadId, LaterProbes later, MergeTiming timing, Set<LeadId> lockedFirst) {
        TenantId tenant = later.context().tenant();
        DuplicateControlSettings settings = later.context().settings();
        Optional<Lead> current = ports.leads().find(tenant, leadId);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Lead lead = current.get();
        List<MatcherFailure> failures = new ArrayList<>(later.failures());
        LeadProfile profile = matchers.profile(lead, settings.standardization());
        Findings findings = incomingStageCondition(matchers, lead, search.find(profile, later.probes(),
                later.context(), itselfAndMarked(tenant, leadId), failures));
        List<Lead> duplicates = findings.duplicates();
        if (duplicates.isEmpty() || duplicates.size() > settings.mergeLimit()) {
            return Optional.empty();
        }
        List<Lead> targets = targets(duplicates, settings);
        if (targets.isEmpty()) {
            return Optional.empty();
        }
        lockTargets(tenant, Stream.concat(targets.stream(), Stream.of(lead)).toList(), lockedFirst);
        List<MergeId> mergeIds = new ArrayList<>();
        for (Lead target : targets) {
            // the stored lead is deleted by its first merge; the merges after it take its values as incoming
            boolean first = mergeIds.isEmpty();
            mergeIds.add(mergeInto(target, lead, first ? List.of(lead) : List.of(), first ? List.of() : List.of(lead),
                    findings, settings, failures));
        }
        return Optional.of(new Decision.Merged(targets.stream().map(Lead::id).toList(),
                strongestMethod(targets, findings), timing, mergeIds, findings.candidates(), failures));
    }

    /** The lead and the leads marked "not a duplicate" of it: none of them is ever merged into it. */
    private Set<LeadId> itselfAndMarked(TenantId tenant, LeadId lead) {
        Set<LeadId> excluded = new HashSet<>();
        excluded.add(lead);
        ports.notDuplicates().markedWith(tenant, lead).forEach(record -> {
            if (record instanceof LeadId marked) {
                excluded.add(marked);
            }
        });
        return excluded;
    }

    /**
     * Merges {@code lead} into {@code target} as duplicate control does: its values by the conflict policy, the
     * after-merge task, and a note when the method that found the target calls for one. {@code lead} is either one
     * of {@code absorbedStored} (deleted by the merge) or of {@code absorbedIncoming} (never stored).
     */
    MergeId mergeInto(Lead target, Lead lead, List<Lead> absorbedStored, List<Lead> absorbedIncoming,
                      Findings findings, DuplicateControlSettings settings, List<MatcherFailure> failures) {
        return merges.apply(new Merges.Plan(MergeKind.DUPLICATE_CONTROL, target,
                conflictMerge.absorb(target, lead, settings.conflictPolicy(), settings.standardization()),
                absorbedStored, absorbedIncoming, settings.afterMerge(), note(lead,
                findings.noteWorthyFor(target, m -> matchers.traits(m).addsMergeNote())),
                settings.standardization()), failures);
    }

    /**
     * Locks the leads a merge changes, so an arrival that found them by other keys (and holds other key locks) waits
     * for this one. On a first attempt they were read before the lock: one changed or removed since fails the merge's
     * version check, everything is rolled back and the arrival decided again with that lead locked first. An attempt
     * that locked leads first takes no more lead locks: with a target outside them it is rolled back and taken again
     * with those locked first too. Either way an attempt takes its lead locks in one sorted statement after all of
     * its key locks, so no two arrivals wait on each other in a cycle; only the few leads merged are locked, never
     * every candidate a common key finds.
     */
    void lockTargets(TenantId tenant, List<Lead> targets, Set<LeadId> lockedFirst) {
        if (lockedFirst.isEmpty()) {
            lockLeads(tenant, targets.stream().map(Lead::id).toList());
            return;
        }
        Set<LeadId> unlocked = targets.stream().map(Lead::id).filter(id -> !lockedFirst.contains(id))
                .collect(Collectors.toSet());
        if (!unlocked.isEmpty()) {
            throw new UnlockedTargets(unlocked);
        }
    }

    void lockLeads(TenantId tenant, Collection<LeadId> leads) {
        if (!leads.isEmpty()) {
            ports.keyLocks().lock(tenant, leads.stream().map(id -> new MatchKey("lead", id.value().toString()))
                    .toList());
        }
    }

    /** An attempt that locked leads first chose targets outside them: decided again with those locked first too. */
    static final class UnlockedTargets extends RuntimeException {
        private final transient Set<LeadId> leads;

        UnlockedTargets(Set<LeadId> leads) {
            super(null, null, false, false);
            this.leads = leads;
        }

        Set<LeadId> leads() {
            return leads;
        }
    }

    /**
     * The merge note, when a method that {@linkplain org.dedup.domain.match.ControlTraits#addsMergeNote() adds one}
     * found the target (Kommo adds one only to leads merged based on BIG DATA or the tracking pixel).
     */
    private static String note(Lead absorbed, Optional<MatchCandidate> noteWorthy) {
        return noteWorthy.map(c -> "Merged with "
                + absorbed.source().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " request "
                + absorbed.id().value() + " found by " + c.method().id().replace('_', ' ') + " (score "
                + String.format(Locale.ROOT, "%.2f", c.score()) + ": "
                + c.explanation().stream().map(f -> f.field() + " " + f.comparison()).toList() + ")").orElse("");
    }

    private void create(ProbedArrival arrival, List<MatcherFailure> failures) {
        ports.leads().insert(arrival.lead(), matchers.indexKeys(arrival.profile(), arrival.settings(), failures));
    }
}
