package org.dedup.domain.control;

import static org.dedup.domain.control.ControlPolicy.arrivalMethods;
import static org.dedup.domain.control.ControlPolicy.bigDataNeedsIncomingStage;
import static org.dedup.domain.control.ControlPolicy.strongestMethod;
import static org.dedup.domain.control.ControlPolicy.targets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatchContext;
import org.dedup.domain.match.MatchMethod;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.Require;
import org.dedup.domain.model.SourceChannel;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.standardize.LeadProfile;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SettingsStore;

/**
 * The dry run of a settings change: what duplicate control would merge over the tenant's existing leads under the
 * proposed settings, next to what the current settings would merge. Each stored lead is checked as if it had just
 * arrived, against the leads created before it (so a pair is counted once, from its later lead), with the same
 * methods, timing, scope, incoming-stage condition, merge limit and multi-match policy as a real arrival. Only
 * reads: no lead, key, decision, journal entry, task or note is written, and the settings are not saved.
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

    public SettingsDryRun(LeadRepository leads, SettingsStore settings, InstalledMatchers matchers) {
        this.leads = Require.nonNull(leads, "lead repository");
        this.settings = Require.nonNull(settings, "settings store");
        this.matchers = Require.nonNull(matchers, "installed matchers");
        this.search = new CandidateSearch(leads, matchers);
    }

    /** The reports of the tenant's current settings and of {@code proposed}, each with up to {@code samples} samples. */
    public SettingsChangePreview preview(TenantId tenant, DuplicateControlSettings proposed, int samples) {
        Require.nonNull(tenant, "tenant");
        Require.nonNull(proposed, "proposed settings");
        Require.positive(samples, "sample count");
        return new SettingsChangePreview(report(tenant, settings.settings(tenant), samples),
                report(tenant, proposed, samples));
    }

    /** What duplicate control under {@code checked} settings would do with each of the tenant's existing leads. */
    public DryRunReport report(TenantId tenant, DuplicateControlSettings checked, int samples) {
        DryRunTally tally = new DryRunTally(samples, MAX_FAILURES);
        MatchContext context = new MatchContext(tenant, checked);
        leads.forEach(tenant, lead -> tally.add(check(lead, context)));
        return tally.report();
    }

    private DryRunReport.Outcome check(Lead lead, MatchContext context) {
        DuplicateControlSettings checked = context.settings();
        LeadProfile profile = matchers.profile(lead, checked.standardization());
        List<MatcherFailure> failures = new ArrayList<>();
        Findings onArrival = findEarlier(lead, profile, arrivalMethods(checked, lead.source()), context, failures);
        List<Lead> duplicates = onArrival.duplicates();
        if (!duplicates.isEmpty()) {
            if (duplicates.size() > checked.mergeLimit()) {
                return new DryRunReport.Outcome.TooManyMatches(failures);
            }
            List<Lead> into = targets(duplicates, checked);
            return into.isEmpty()
                    ? new DryRunReport.Outcome.CreatedDespiteDuplicates(failures)
                    : merged(lead, into, onArrival, MergeTiming.ON_ARRIVAL, failures);
        }
        if (checked.enabled(MatchMethod.BIG_DATA) && lead.source() != SourceChannel.CHAT) {
            Findings afterAdd = findEarlier(lead, profile, Set.of(MatchMethod.BIG_DATA), context, failures);
            List<Lead> found = afterAdd.duplicates();
            List<Lead> into = found.isEmpty() || found.size() > checked.mergeLimit() ? List.of()
                    : targets(found, checked);
            if (!into.isEmpty()) {
                return merged(lead, into, afterAdd, MergeTiming.AFTER_ADD, failures);
            }
        }
        return onArrival.hasPossibleDuplicates()
                ? new DryRunReport.Outcome.PendingReview(failures)
                : new DryRunReport.Outcome.Unique(failures);
    }

    private static DryRunReport.Outcome merged(Lead lead, List<Lead> into, Findings findings, MergeTiming timing,
                                               List<MatcherFailure> failures) {
        return new DryRunReport.Outcome.WouldMerge(new DryRunReport.Sample(lead.id(),
                into.stream().map(Lead::id).toList(), strongestMethod(into, findings), timing,
                findings.candidates()), failures);
    }

    /** The findings among leads created before {@code lead}, as they were when it arrived. */
    private Findings findEarlier(Lead lead, LeadProfile profile, Set<MatchMethod> methods, MatchContext context,
                                 List<MatcherFailure> failures) {
        Findings all = search.find(profile, search.probe(profile, methods, context, failures), context,
                Set.of(lead.id()), failures);
        List<MatchCandidate> earlier = all.candidates().stream()
                .filter(c -> arrivedBefore(all.leads().get((LeadId) c.record()), lead)).toList();
        return bigDataNeedsIncomingStage(lead, new Findings(earlier, all.leads()));
    }

    private static boolean arrivedBefore(Lead candidate, Lead lead) {
        return ARRIVAL_ORDER.compare(candidate, lead) < 0;
    }

    /** The same tenant's existing leads under its current settings and under the proposed ones. */
    public record SettingsChangePreview(DryRunReport current, DryRunReport proposed) {
        public SettingsChangePreview {
            Require.nonNull(current, "current settings report");
            Require.nonNull(proposed, "proposed settings report");
        }
    }
}
