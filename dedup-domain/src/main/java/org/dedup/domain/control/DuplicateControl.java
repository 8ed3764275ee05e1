package org.dedup.domain.control;

import static org.dedup.domain.control.ControlPolicy.arrivalMethods;
import static org.dedup.domain.control.ControlPolicy.bigDataNeedsIncomingStage;
import static org.dedup.domain.control.ControlPolicy.strongestMethod;
import static org.dedup.domain.control.ControlPolicy.targets;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatchContext;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.MatchMethod;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.merge.ConflictMerge;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.MergeKind;
import org.dedup.domain.merge.Merges;
import org.dedup.domain.model.ContactRole;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.RecordNotFoundException;
import org.dedup.domain.model.SourceChannel;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.rules.PreconfiguredRules;
import org.dedup.domain.standardize.LeadProfile;
import org.dedup.domain.store.StaleRecordException;

/**
 * Kommo-style duplicate control of incoming leads. Each arrival is standardized, its probe keys are locked (so
 * concurrent arrivals of the same lead are serialised and never create two leads), candidates are found and
 * confirmed by the tenant's enabled methods, and the settings decide: create, merge into one, several or the
 * newest, or skip merging when more leads match than the merge limit. The BIG DATA method runs on arrival for
 * chats and right after the lead was added for other channels, and merges only where an incoming-leads stage is
 * involved; an update of a lead runs it again.
 */
public final class DuplicateControl {
    private static final MatchKey NO_KEY = new MatchKey("none", "none");
    /** Attempts of a decision whose merge target changes under it before it is given up (StaleRecordException). */
    private static final int ATTEMPTS = 5;
    private final DuplicateControlPorts ports;
    private final InstalledMatchers matchers;
    private final CandidateSearch search;
    private final ConflictMerge conflictMerge;
    private final Merges merges;
    private final Clock clock;

    public DuplicateControl(DuplicateControlPorts ports, InstalledMatchers matchers, ConflictMerge conflictMerge,
                            Clock clock) {
        this.ports = ports;
        this.matchers = matchers;
        this.search = new CandidateSearch(ports.leads(), matchers);
        this.conflictMerge = conflictMerge;
        this.merges = new Merges(ports, matchers, clock);
        this.clock = clock;
    }

    public Decision receive(IncomingLead incoming) {
        return arrive(incoming, NO_KEY);
    }

    /**
     * Like {@link #receive(IncomingLead)}; a retry under the same key returns the first decision and writes nothing.
     */
    public Decision receive(IncomingLead incoming, IdempotencyKey key) {
        return arrive(incoming, new MatchKey("idempotency", key.value()));
    }

    /** Stores a changed lead (its version one more than the stored one), then runs the BIG DATA check again. */
    public Decision update(Lead changed) {
        var settings = ports.settings().settings(changed.tenant());
        List<MatcherFailure> failures = new ArrayList<>();
        ports.transactor().inTransaction(() -> {
            Lead stored = changed.withVersion(changed.version(), clock.instant());
            ports.leads().update(stored, matchers.indexKeys(matchers.profile(stored, settings.standardization()),
                    failures));
            return stored;
        });
        Decision decision = bigDataCheck(changed.tenant(), changed.id(), MergeTiming.ON_UPDATE)
                .orElseGet(() -> new Decision.Updated(changed.id(), List.of(), failures));
        ports.decisions().record(changed.tenant(), decision, clock.instant());
        return decision;
    }

    /** Runs the BIG DATA check of a stored lead, as after an update. */
    public Optional<Decision> afterUpdate(TenantId tenant, LeadId lead) {
        return bigDataCheck(tenant, lead, MergeTiming.ON_UPDATE);
    }

    private Decision arrive(IncomingLead incoming, MatchKey idempotencyKey) {
        TenantId tenant = incoming.tenant();
        DuplicateControlSettings settings = ports.settings().settings(tenant);
        Instant now = clock.instant();
        Lead lead = withPrimaryContact(incoming.toLead(LeadId.random(), now));
        LeadProfile profile = matchers.profile(lead, settings.standardization());
        MatchContext context = new MatchContext(tenant, settings,
                PreconfiguredRules.orPreconfigured(ports.settings().rules(tenant)));
        List<MatcherFailure> failures = new ArrayList<>();
        Map<Matcher, Set<MatchKey>> probes = search.probe(profile, arrivalMethods(settings, lead.source()), context,
                failures);
        Set<MatchKey> lockKeys = new HashSet<>(CandidateSearch.allKeys(probes));
        if (idempotencyKey != NO_KEY) {
            lockKeys.add(idempotencyKey);
        }
        Arrival arrival = decidedAgainWhileStale(lockedFirst -> decide(lead, profile, probes, context, lockKeys,
                lockedFirst, idempotencyKey, settings, now, failures));
        if (arrival.replayed() || arrival.decision() instanceof Decision.Merged
                || !settings.enabled(MatchMethod.BIG_DATA) || lead.source() == SourceChannel.CHAT) {
            return arrival.decision();
        }
        Optional<Decision> afterAdd = bigDataCheck(tenant, arrival.decision().lead(), MergeTiming.AFTER_ADD);
        afterAdd.ifPresent(d -> ports.decisions().record(tenant, d, clock.instant()));
        return afterAdd.orElse(arrival.decision());
    }

    private record Arrival(Decision decision, boolean replayed) {
    }

    /**
     * One decision in one transaction, taken again (up to {@value #ATTEMPTS} times) while it meets a stale lead. An
     * attempt is given the leads found stale by the attempts before it, to lock before it reads anything: a lead that
     * many arrivals merge into at once (found by different keys, so not serialised by their key locks) then cannot
     * fail one of them attempt after attempt.
     */
    private static <T> T decidedAgainWhileStale(Function<Set<LeadId>, T> attempt) {
        Set<LeadId> lockFirst = new HashSet<>();
        for (int n = 1; ; ) {
            try {
                return attempt.apply(Set.copyOf(lockFirst));
            } catch (UnlockedTargets unlocked) {
                // not a failed attempt: the set only grows, so this ends once every target is locked first
                lockFirst.addAll(unlocked.leads);
            } catch (StaleRecordException changed) {
                // a lead it merges into was changed or removed after it was read (by an arrival that found it by
                // other keys, or a manual merge): everything was rolled back, decide again on what is stored now
                if (n++ == ATTEMPTS) {
                    throw changed;
                }
                if (changed.record() instanceof LeadId lead) {
                    lockFirst.add(lead);
                }
            }
        }
    }

    /** An attempt that locked leads first chose targets outside them: decided again with those locked first too. */
    private static final class UnlockedTargets extends RuntimeException {
        private final transient Set<LeadId> leads;

        UnlockedTargets(Set<LeadId> leads) {
            super(null, null, false, false);
            this.leads = leads;
        }
    }

    /** One attempt, in one transaction: lock the keys, answer a replay from the log or decide and record. */
    private Arrival decide(Lead lead, LeadProfile profile, Map<Matcher, Set<MatchKey>> probes, MatchContext context,
                           Set<MatchKey> lockKeys, Set<LeadId> lockedFirst, MatchKey idempotencyKey,
                           DuplicateControlSettings settings, Instant now, List<MatcherFailure> probeFailures) {
        TenantId tenant = lead.tenant();
        List<MatcherFailure> failures = new ArrayList<>(probeFailures);
        return ports.transactor().inTransaction(() -> {
            ports.keyLocks().lock(tenant, lockKeys);
            lockLeads(tenant, lockedFirst);
            Optional<Decision> earlier = idempotencyKey == NO_KEY ? Optional.empty()
                    : ports.decisions().findByIdempotencyKey(tenant, new IdempotencyKey(idempotencyKey.value()));
            if (earlier.isPresent()) {
                return new Arrival(earlier.get(), true);
            }
            Findings findings = bigDataNeedsIncomingStage(lead,
                    search.find(profile, probes, context, Set.of(), failures));
            Decision decision = decideOnArrival(lead, profile, findings, settings, lockedFirst, failures);
            if (idempotencyKey == NO_KEY) {
                ports.decisions().record(tenant, decision, now);
            } else {
                ports.decisions().record(tenant, new IdempotencyKey(idempotencyKey.value()), decision, now);
            }
            return new Arrival(decision, false);
        });
    }

    private Decision decideOnArrival(Lead lead, LeadProfile profile, Findings findings,
                                     DuplicateControlSettings settings, Set<LeadId> lockedFirst,
                                     List<MatcherFailure> failures) {
        List<Lead> duplicates = findings.duplicates();
        if (duplicates.isEmpty()) {
            create(lead, profile, failures);
            return findings.hasPossibleDuplicates()
                    ? new Decision.PendingReview(lead.id(), findings.candidates(), failures)
                    : new Decision.Created(lead.id(), findings.candidates(), failures);
        }
        if (duplicates.size() > settings.mergeLimit()) {
            create(lead, profile, failures);
            return new Decision.SkippedTooManyMatches(lead.id(), settings.mergeLimit(), findings.candidates(),
                    failures);
        }
        List<Lead> targets = targets(duplicates, settings);
        if (targets.isEmpty()) {
            create(lead, profile, failures);
            return new Decision.Created(lead.id(), findings.candidates(), failures);
        }
        MatchMethod method = strongestMethod(targets, findings);
        List<MergeId> mergeIds = new ArrayList<>();
        lockTargets(lead.tenant(), targets, lockedFirst);
        for (Lead target : targets) {
            mergeIds.add(merges.apply(new Merges.Plan(MergeKind.DUPLICATE_CONTROL, target,
                    conflictMerge.absorb(target, lead, settings.conflictPolicy(), settings.standardization()),
                    List.of(), List.of(lead), settings.afterMerge(), note(lead, findings.noteWorthyFor(target)),
                    settings.standardization()), failures));
        }
        return new Decision.Merged(targets.stream().map(Lead::id).toList(), method, MergeTiming.ON_ARRIVAL, mergeIds,
                findings.candidates(), failures);
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
    private void lockTargets(TenantId tenant, List<Lead> targets, Set<LeadId> lockedFirst) {
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

    private void lockLeads(TenantId tenant, Collection<LeadId> leads) {
        if (!leads.isEmpty()) {
            ports.keyLocks().lock(tenant, leads.stream().map(id -> new MatchKey("lead", id.value().toString()))
                    .toList());
        }
    }

    /**
     * The BIG DATA check of a stored lead: merges it into the duplicates it finds, provided the lead or the
     * duplicate sits in an incoming-leads stage. Empty when nothing was merged.
     */
    private Optional<Decision> bigDataCheck(TenantId tenant, LeadId leadId, MergeTiming timing) {
        DuplicateControlSettings settings = ports.settings().settings(tenant);
        if (!settings.enabled(MatchMethod.BIG_DATA)) {
            return Optional.empty();
        }
        MatchContext context = new MatchContext(tenant, settings,
                PreconfiguredRules.orPreconfigured(ports.settings().rules(tenant)));
        List<MatcherFailure> probeFailures = new ArrayList<>();
        Lead unlocked = ports.leads().find(tenant, leadId)
                .orElseThrow(() -> new RecordNotFoundException(tenant, leadId));
        LeadProfile unlockedProfile = matchers.profile(unlocked, settings.standardization());
        Map<Matcher, Set<MatchKey>> probes = search.probe(unlockedProfile, Set.of(MatchMethod.BIG_DATA), context,
                probeFailures);
        return decidedAgainWhileStale(lockedFirst -> ports.transactor().inTransaction(() -> {
            List<MatcherFailure> failures = new ArrayList<>(probeFailures);
            ports.keyLocks().lock(tenant, CandidateSearch.allKeys(probes));
            lockLeads(tenant, lockedFirst);
            Optional<Lead> current = ports.leads().find(tenant, leadId);
            if (current.isEmpty()) {
                return Optional.<Decision>empty();
            }
            Lead lead = current.get();
            LeadProfile profile = matchers.profile(lead, settings.standardization());
            Findings findings = bigDataNeedsIncomingStage(lead,
                    search.find(profile, probes, context, Set.of(leadId), failures));
            List<Lead> duplicates = findings.duplicates();
            if (duplicates.isEmpty() || duplicates.size() > settings.mergeLimit()) {
                return Optional.<Decision>empty();
            }
            List<Lead> targets = targets(duplicates, settings);
            if (!targets.isEmpty()) {
                lockTargets(tenant, Stream.concat(targets.stream(), Stream.of(lead)).toList(), lockedFirst);
            }
            List<MergeId> mergeIds = new ArrayList<>();
            for (Lead target : targets) {
                boolean first = mergeIds.isEmpty();
                mergeIds.add(merges.apply(new Merges.Plan(MergeKind.DUPLICATE_CONTROL, target,
                        conflictMerge.absorb(target, lead, settings.conflictPolicy(), settings.standardization()),
                        first ? List.of(lead) : List.of(), first ? List.of() : List.of(lead), settings.afterMerge(),
                        note(lead, findings.noteWorthyFor(target)), settings.standardization()),
                        failures));
            }
            return targets.isEmpty() ? Optional.<Decision>empty()
                    : Optional.<Decision>of(new Decision.Merged(targets.stream().map(Lead::id).toList(),
                    MatchMethod.BIG_DATA, timing, mergeIds, findings.candidates(), failures));
        }));
    }

    /** Kommo adds a merge note only to leads merged based on the BIG DATA or tracking-pixel method. */
    private static String note(Lead absorbed, Optional<MatchCandidate> noteWorthy) {
        return noteWorthy.map(c -> "Merged with "
                + absorbed.source().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " request "
                + absorbed.id().value() + " found by " + c.method().id().replace('_', ' ') + " (score "
                + String.format(java.util.Locale.ROOT, "%.2f", c.score()) + ": "
                + c.explanation().stream().map(f -> f.field() + " " + f.comparison()).toList() + ")").orElse("");
    }

    private void create(Lead lead, LeadProfile profile, List<MatcherFailure> failures) {
        ports.leads().insert(lead, matchers.indexKeys(profile, failures));
    }

    /** A lead whose contacts name no primary contact gets its first contact as primary. */
    private static Lead withPrimaryContact(Lead lead) {
        if (lead.contacts().isEmpty() || lead.primaryContact().isPresent()) {
            return lead;
        }
        List<LinkedContact> contacts = new ArrayList<>(lead.contacts());
        contacts.set(0, new LinkedContact(contacts.getFirst().contact(), ContactRole.PRIMARY));
        return lead.withContacts(contacts);
    }
}
