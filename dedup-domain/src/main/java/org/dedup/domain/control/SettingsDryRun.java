package org.dedup.domain.control;

import static org.dedup.domain.control.ControlPolicy.afterAddMethods;
import static org.dedup.domain.control.ControlPolicy.arrivalMethods;
import static org.dedup.domain.control.ControlPolicy.incomingStageCondition;
import static org.dedup.domain.control.ControlPolicy.strongestMethod;
import static org.dedup.domain.control.ControlPolicy.targets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dedup.domain.index.LeadIndexing;
import org.dedup.domain.match.InstalledMatchers;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatchContext;
import org.dedup.domain.match.MatcherFailure;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.rules.PreconfiguredRules;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.LeadProfile;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SettingsStore;

/**
 * What duplicate control would have merged with other settings: every stored lead is checked, in the order the
 * leads were created, against the leads created before it, as if it were arriving (so a pair counts once, from its
 * later lead). The check decides exactly as an arrival does: the same methods and their timing, scope,
 * incoming-stage condition, merge limit and multi-match policy. Only reads: no lead, key, decision, journal entry,
 * task or note is written, and the settings are not saved. Run it with the current settings too to compare. The
 * stored leads are found by their stored keys, and by keys the run computes itself for the methods whose stored keys
 * do not cover every lead yet (those the current settings do not enable, those still being indexed): see
 * {@link DryRunKeys}.
 */
public final class SettingsDryRun {
    /** Distinct matcher failures kept in a report; the first ones say enough. */
    static final int MAX_FAILURES = 20;
    private static final Comparator<Lead> ARRIVAL_ORDER = Comparator.comparing(Lead::createdAt)
            .thenComparing(l -> l.id().value());
    private final LeadRepository leads;
    private final SettingsStore settings;
    private final InstalledMatchers matchers;
    private final CandidateSearch search;
    private final LeadIndexing indexing;

    public SettingsDryRun(LeadRepository leads, SettingsStore settings, InstalledMatchers matchers,
                          LeadIndexing indexing) {
        this.indexing = Require.nonNull(indexing, "lead indexing");
        this.settings = Require.nonNull(settings, "settings store");
        this.leads = Require.nonNull(leads, "lead repository");
        this.matchers = Require.nonNull(matchers, "installed matchers");
        this.search = new CandidateSearch(leads, matchers);
    }

    /**
     * Would-be merges: how many leads, by deciding method, a few samples with their explanations, how many would be
     * skipped over the merge limit, kept as new by the CREATE_NEW policy, or left for review.
     */
    public record Report(long leadsChecked, long wouldMerge, long wouldSkipOverLimit, Map<String, Long> byMethod,
                         List<Sample> samples, long keptNewByPolicy, long pendingReview,
                         List<MatcherFailure> failures) {
        public Report {
            byMethod = Require.copy(byMethod, "merges per method");
            samples = Require.copy(samples, "samples");
            failures = Require.copy(failures, "failures");
        }
    }

    /** One lead that would be merged: into which earlier leads, by which method and when, and why. */
    public record Sample(LeadId lead, List<LeadId> into, String method, MergeTiming timing,
                         List<MatchCandidate> candidates) {
        public Sample {
            Require.nonNull(lead, "sampled lead");
            into = Require.copy(into, "merge targets");
            Require.nonBlank(method, "method");
            Require.nonNull(timing, "timing");
            candidates = Require.copy(candidates, "candidates");
        }
    }

    public Report run(TenantId tenant, DuplicateControlSettings proposed, int maxSamples) {
        Require.nonNull(tenant, "tenant");
        Require.nonNull(proposed, "proposed settings");
        Require.positive(maxSamples, "sample count");
        matchers.requireInstalled(proposed, "");
        DryRunTally tally = new DryRunTally(maxSamples, MAX_FAILURES);
        MatchContext context = new MatchContext(tenant, proposed,
                PreconfiguredRules.orPreconfigured(settings.rules(tenant)));
        Set<MatchMethod> unindexed = indexing.notIndexed(tenant, proposed);
        CandidateSearch search = unindexed.isEmpty() ? this.search : new CandidateSearch(DryRunKeys.over(leads, tenant,
                unindexed, matchers, proposed.standardization()), matchers);
        leads.forEach(tenant, lead -> tally.add(check(lead, context, search)));
        return tally.report();
    }

    private DryRunTally.Outcome check(Lead lead, MatchContext context, CandidateSearch search) {
        DuplicateControlSettings checked = context.settings();
        LeadProfile profile = matchers.profile(lead, checked.standardization());
        List<MatcherFailure> failures = new ArrayList<>();
        Findings onArrival = findEarlier(lead, profile, arrivalMethods(matchers, checked, lead.source()), context,
                search, failures);
        List<Lead> duplicates = onArrival.duplicates();
        if (!duplicates.isEmpty()) {
            if (duplicates.size() > checked.mergeLimit()) {
                return new DryRunTally.Outcome.OverLimit(failures);
            }
            List<Lead> into = targets(duplicates, checked);
            return into.isEmpty() ? new DryRunTally.Outcome.KeptNewByPolicy(failures)
                    : merged(lead, into, onArrival, MergeTiming.ON_ARRIVAL, failures);
        }
        Set<MatchMethod> afterAddMethods = afterAddMethods(matchers, checked, lead.source());
        if (!afterAddMethods.isEmpty()) {
            Findings afterAdd = findEarlier(lead, profile, afterAddMethods, context, search, failures);
            List<Lead> found = afterAdd.duplicates();
            List<Lead> into = found.isEmpty() || found.size() > checked.mergeLimit() ? List.of()
                    : targets(found, checked);
            if (!into.isEmpty()) {
                return merged(lead, into, afterAdd, MergeTiming.AFTER_ADD, failures);
            }
        }
        return onArrival.hasPossibleDuplicates() ? new DryRunTally.Outcome.PendingReview(failures)
                : new DryRunTally.Outcome.Unique(failures);
    }

    private static DryRunTally.Outcome merged(Lead lead, List<Lead> into, Findings findings, MergeTiming timing,
                                              List<MatcherFailure> failures) {
        return new DryRunTally.Outcome.WouldMerge(new Sample(lead.id(), into.stream().map(Lead::id).toList(),
                strongestMethod(into, findings).id(), timing, findings.candidates()), failures);
    }

    /** The findings among leads created before {@code lead}, as they were when it arrived. */
    private Findings findEarlier(Lead lead, LeadProfile profile, Set<MatchMethod> methods, MatchContext context,
                                 CandidateSearch search, List<MatcherFailure> failures) {
        Findings all = search.find(profile, search.probe(profile, methods, context, failures), context,
                Set.of(lead.id()), failures);
        List<MatchCandidate> earlier = all.candidates().stream()
                .filter(c -> ARRIVAL_ORDER.compare(all.leads().get((LeadId) c.record()), lead) < 0).toList();
        return incomingStageCondition(matchers, lead, new Findings(earlier, all.leads()));
    }
}
