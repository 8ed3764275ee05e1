package org.dedup.domain.control;

import static org.dedup.domain.control.ControlPolicy.afterAddMethods;
import static org.dedup.domain.control.ControlPolicy.afterUpdateMethods;
import static org.dedup.domain.control.ControlPolicy.arrivalMethods;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.dedup.domain.match.InstalledMatchers;
import org.dedup.domain.match.MatchContext;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.match.MatcherFailure;
import org.dedup.domain.merge.ConflictMerge;
import org.dedup.domain.model.ContactRole;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.LinkedContact;
import org.dedup.domain.model.RecordNotFoundException;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.rules.PreconfiguredRules;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.LeadProfile;
import org.dedup.domain.store.SharedKey;
import org.dedup.domain.store.StaleRecordException;
import org.dedup.domain.store.VersionMismatchException;

/**
 * Kommo-style duplicate control of incoming leads. Each arrival is standardized, its probe keys are locked (so
 * concurrent arrivals of the same lead are serialised and never create two leads), candidates are found and
 * confirmed by the tenant's enabled methods, and the settings decide: create, merge into one, several or the
 * newest, or skip merging when more leads match than the merge limit. When a method runs is its matcher's
 * {@linkplain org.dedup.domain.match.ControlTraits traits}: on arrival, or right after the lead was added for some
 * channels (Kommo's BIG DATA, for all but chats), merging only where an incoming-leads stage is involved, again after
 * an update; such a later check never merges two leads marked "not a duplicate".
 */
public final class DuplicateControl {
    /** Attempts of a decision whose merge target changes under it before it is given up (StaleRecordException). */
    private static final int ATTEMPTS = 5;
    private final DuplicateControlPorts ports;
    private final InstalledMatchers matchers;
    private final ArrivalDecider decider;
    private final ArrivalBatch batch;
    private final Clock clock;
    private final LeadLimits limits;

    /** Duplicate control with the {@linkplain LeadLimits#defaults() default limits}. */
    public DuplicateControl(DuplicateControlPorts ports, InstalledMatchers matchers, ConflictMerge conflictMerge,
                            Clock clock) {
        this(ports, matchers, conflictMerge, clock, LeadLimits.defaults());
    }

    public DuplicateControl(DuplicateControlPorts ports, InstalledMatchers matchers, ConflictMerge conflictMerge,
                            Clock clock, LeadLimits limits) {
        this.limits = limits;
        this.ports = ports;
        this.matchers = matchers;
        this.decider = new ArrivalDecider(ports, matchers, conflictMerge, clock, limits.genericKeyLeads());
        this.batch = new ArrivalBatch(ports, decider, clock);
        this.clock = clock;
    }

    public Decision receive(IncomingLead incoming) {
        return receive(new LeadArrival(incoming, Optional.empty()));
    }

    /**
     * Like {@link #receive(IncomingLead)}; a retry under the same key gets the first request's answer (the merge made
     * right after the lead was added, when that check merged it) and writes nothing.
     */
    public Decision receive(IncomingLead incoming, IdempotencyKey key) {
        return receive(new LeadArrival(incoming, Optional.of(key)));
    }

    /**
     * Refuses a lead over the {@link LeadLimits} before it goes anywhere (every receive checks it too).
     *
     * @throws LeadLimits.LimitExceededException naming the limit
     */
    public void admit(IncomingLead incoming) {
        limits.check(incoming);
    }

    /** An arrival with or without an idempotency key, as {@link #receive(IncomingLead, IdempotencyKey)}. */
    public Decision receive(LeadArrival arrival) {
        ProbedArrival probed = probe(arrival, ports.settings().settings(arrival.incoming().tenant()));
        return decidedAgainWhileStale(lockedFirst -> decide(probed, lockedFirst));
    }

    /**
     * Decides several arrivals of one tenant in one transaction, each as if it had arrived alone after the ones before
     * it (a later one finds the leads the earlier ones created or changed, and the check right after a lead was added,
     * as BIG DATA's, runs before the next arrival is decided), with the reads and writes of all of them grouped into a
     * few round trips. All or nothing, and nothing after the commit: when it throws, none of them was stored, and the
     * caller may decide them one by one instead.
     *
     * @throws IllegalArgumentException when the arrivals are of several tenants
     */
    public List<Decision> receiveTogether(List<LeadArrival> arrivals) {
        TenantId tenant = arrivals.getFirst().incoming().tenant();
        if (arrivals.stream().anyMatch(a -> !a.incoming().tenant().equals(tenant))) {
            throw new IllegalArgumentException("arrivals received together belong to one tenant, here " + tenant);
        }
        DuplicateControlSettings settings = ports.settings().settings(tenant);
        List<ProbedArrival> probed = arrivals.stream().map(a -> probe(a, settings)).toList();
        return ports.transactor().inTransaction(() -> batch.decide(probed));
    }

    /** Replaces a stored lead's values with {@code values} as its next version; see {@link #update(Lead)}. */
    public Decision update(LeadId id, IncomingLead values) {
        return update(LeadUpdate.of(id, values));
    }

    /**
     * As {@link #update(LeadId, IncomingLead)}, for a writer who read the lead at {@code expectedVersion}: when the
     * stored lead is at another version, nothing is written ({@link VersionMismatchException}), so no change the
     * writer has not seen is overwritten.
     */
    public Decision update(LeadId id, IncomingLead values, long expectedVersion) {
        return update(LeadUpdate.of(id, values).ifAt(expectedVersion));
    }

    /**
     * Stores the update's values as the lead's next version (refused with {@link VersionMismatchException}, nothing
     * written, when it expects another version than the stored one), then checks the lead again as
     * {@link #update(Lead)} does; the decision is recorded with the update's actor.
     */
    public Decision update(LeadUpdate update) {
        TenantId tenant = update.values().tenant();
        Lead stored = stored(tenant, update.lead());
        if (update.expectedVersion().isPresent() && stored.version() != update.expectedVersion().get()) {
            throw new VersionMismatchException(tenant, update.lead(), update.expectedVersion().get(),
                    stored.version());
        }
        return update(next(stored, update.values()), update.actor());
    }

    private Lead stored(TenantId tenant, LeadId id) {
        return ports.leads().find(tenant, id).orElseThrow(() -> new RecordNotFoundException(tenant, id));
    }

    private static Lead next(Lead stored, IncomingLead values) {
        return values.toLead(stored.id(), stored.createdAt()).withVersion(stored.version() + 1, stored.updatedAt());
    }

    /**
     * Stores a changed lead (its version one more than the stored one), then checks it again by the enabled methods
     * that {@linkplain org.dedup.domain.match.ControlTraits#checksAfterUpdate() check after an update}.
     */
    public Decision update(Lead changed) {
        return update(changed, Optional.empty());
    }

    private Decision update(Lead changed, Optional<String> actor) {
        limits.check(changed);
        var settings = ports.settings().settings(changed.tenant());
        List<MatcherFailure> failures = new ArrayList<>();
        ports.transactor().inTransaction(() -> {
            Lead stored = changed.withVersion(changed.version(), clock.instant());
            ports.leads().update(stored, matchers.indexKeys(stored, settings, failures));
            return stored;
        });
        Decision decision = laterCheck(changed.tenant(), changed.id(), MergeTiming.ON_UPDATE,
                afterUpdateMethods(matchers, settings))
                .orElseGet(() -> new Decision.Updated(changed.id(), List.of(), failures));
        record(changed.tenant(), decision, actor);
        return decision;
    }

    /** Records the decision of the check after an update with who sent the request that led to it. */
    private void record(TenantId tenant, Decision decision, Optional<String> actor) {
        ports.decisions().recordAll(List.of(DecisionLog.Recording.ofLaterCheck(tenant, decision, clock.instant(),
                actor)));
    }

    /**
     * The tenant's generic keys: those shared by more stored leads than {@link LeadLimits#genericKeyLeads()}, most
     * shared first, at most {@code limit}. Keys of every method are listed; only those of the methods that
     * {@linkplain org.dedup.domain.match.Matcher#matchesOnSharedKey() match on a shared key} are judged generic.
     */
    public List<SharedKey> genericKeys(TenantId tenant, int limit) {
        return ports.leads().mostSharedKeys(tenant, limits.genericKeyLeads(), limit);
    }

    /** The arrival as a lead, standardized, with the probe keys of the methods that check it on arrival. */
    private ProbedArrival probe(LeadArrival arrival, DuplicateControlSettings settings) {
        admit(arrival.incoming());
        TenantId tenant = arrival.incoming().tenant();
        Instant now = clock.instant();
        Lead lead = withPrimaryContact(arrival.incoming().toLead(LeadId.random(), now));
        LeadProfile profile = matchers.profile(lead, settings.standardization());
        MatchContext context = new MatchContext(tenant, settings,
                PreconfiguredRules.orPreconfigured(ports.settings().rules(tenant)));
        List<MatcherFailure> failures = new ArrayList<>();
        Map<Matcher, Set<MatchKey>> probes = decider.search().probe(profile, arrivalMethods(matchers, settings,
                lead.source()),
                context, failures);
        Set<MatchMethod> afterAdd = afterAddMethods(matchers, settings, lead.source());
        return new ProbedArrival(lead, profile, context, probes,
                afterAdd.isEmpty() ? Optional.empty() : Optional.of(laterProbes(profile, afterAdd, context)),
                arrival.key(), arrival.fingerprint(), arrival.actor(), now, failures);
    }

    /** The probe keys of {@code profile} for {@code methods}, which check it after it was stored. */
    private LaterProbes laterProbes(LeadProfile profile, Set<MatchMethod> methods, MatchContext context) {
        List<MatcherFailure> failures = new ArrayList<>();
        return new LaterProbes(decider.search().probe(profile, methods, context, failures), context, failures);
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
            } catch (ArrivalDecider.UnlockedTargets unlocked) {
                // not a failed attempt: the set only grows, so this ends once every target is locked first
                lockFirst.addAll(unlocked.leads());
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

    /**
     * One attempt, in one transaction: lock the keys, answer a replay from the log, or decide, check the lead again
     * right after it was added when its channel's methods do, and record.
     */
    private Decision decide(ProbedArrival probed, Set<LeadId> lockedFirst) {
        TenantId tenant = probed.lead().tenant();
        List<MatcherFailure> failures = new ArrayList<>(probed.failures());
        return ports.transactor().inTransaction(() -> {
            ports.keyLocks().lock(tenant, probed.lockKeys());
            decider.lockLeads(tenant, lockedFirst);
            Optional<Decision> replay = probed.replayOf(probed.key().flatMap(key -> ports.decisions()
                    .findByIdempotencyKey(tenant, key)));
            if (replay.isPresent()) {
                return replay.get();
            }
            Decision decision = decider.decide(probed, lockedFirst, failures);
            Optional<Decision> afterAdd = probed.afterAddCheck(decision)
                    .flatMap(later -> decider.checkAgain(decision.lead(), later, MergeTiming.AFTER_ADD, lockedFirst));
            ports.decisions().recordAll(probed.recordings(decision, afterAdd, clock.instant()));
            return afterAdd.orElse(decision);
        });
    }

    /**
     * The check of a stored lead by {@code methods}, after it was added or updated: merges it into the duplicates
     * they find (within the incoming-stage condition of the methods that declare it). Empty when nothing was merged.
     */
    private Optional<Decision> laterCheck(TenantId tenant, LeadId leadId, MergeTiming timing,
                                          Set<MatchMethod> methods) {
        if (methods.isEmpty()) {
            return Optional.empty();
        }
        return laterCheck(ports.leads().find(tenant, leadId)
                .orElseThrow(() -> new RecordNotFoundException(tenant, leadId)), timing, methods);
    }

    /**
     * As {@link #laterCheck(TenantId, LeadId, MergeTiming, Set)}, probing by the keys of {@code unlocked}, the lead as
     * stored a moment ago; the check itself reads it again under the locks of those keys.
     */
    private Optional<Decision> laterCheck(Lead unlocked, MergeTiming timing, Set<MatchMethod> methods) {
        if (methods.isEmpty()) {
            return Optional.empty();
        }
        TenantId tenant = unlocked.tenant();
        DuplicateControlSettings settings = ports.settings().settings(tenant);
        MatchContext context = new MatchContext(tenant, settings,
                PreconfiguredRules.orPreconfigured(ports.settings().rules(tenant)));
        return laterCheck(unlocked.id(), laterProbes(matchers.profile(unlocked, settings.standardization()), methods,
                context), timing);
    }

    /** The later check of the lead in a transaction of its own, its probe keys locked first. */
    private Optional<Decision> laterCheck(LeadId leadId, LaterProbes probes, MergeTiming timing) {
        TenantId tenant = probes.context().tenant();
        return decidedAgainWhileStale(lockedFirst -> ports.transactor().inTransaction(() -> {
            ports.keyLocks().lock(tenant, probes.lockKeys());
            decider.lockLeads(tenant, lockedFirst);
            return decider.checkAgain(leadId, probes, timing, lockedFirst);
        }));
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
