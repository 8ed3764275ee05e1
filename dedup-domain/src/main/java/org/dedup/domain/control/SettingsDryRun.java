package org.dedup.domain.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.dedup.domain.match.MatchContext;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.rules.DuplicateRule;
import org.dedup.domain.standardize.LeadProfile;
import org.dedup.domain.store.LeadRepository;

/**
 * What duplicate control would have merged with other settings: every stored lead is checked, in the order the
 * leads were created, against the leads created before it, as if it were arriving. Nothing is written.
 */
public final class SettingsDryRun {
    private final LeadRepository leads;
    private final InstalledMatchers matchers;
    private final CandidateSearch search;

    public SettingsDryRun(LeadRepository leads, InstalledMatchers matchers) {
        this.leads = leads;
        this.matchers = matchers;
        this.search = new CandidateSearch(leads, matchers);
    }

    /** Would-be merges: how many leads, by method, a few samples, and how many would be skipped over the limit. */
    public record Report(long leadsChecked, long wouldMerge, long wouldSkipOverLimit, Map<String, Long> byMethod,
                         List<Sample> samples) {
    }

    public record Sample(LeadId lead, List<LeadId> into, String method) {
    }

    public Report run(TenantId tenant, DuplicateControlSettings proposed, List<DuplicateRule> rules, int maxSamples) {
        MatchContext context = new MatchContext(tenant, proposed, rules);
        long[] counts = new long[3];
        Map<String, Long> byMethod = new TreeMap<>();
        List<Sample> samples = new ArrayList<>();
        leads.forEach(tenant, lead -> {
            counts[0]++;
            List<MatcherFailure> failures = new ArrayList<>();
            LeadProfile profile = matchers.profile(lead, proposed.standardization());
            Map<Matcher, Set<MatchKey>> probes = search.probe(profile, proposed.methods(), context, failures);
            Findings findings = search.find(profile, probes, context, Set.of(lead.id()), failures);
            List<Lead> earlier = findings.duplicates().stream()
                    .filter(d -> d.createdAt().isBefore(lead.createdAt())).toList();
            if (earlier.isEmpty()) {
                return;
            }
            if (earlier.size() > proposed.mergeLimit()) {
                counts[2]++;
                return;
            }
            if (earlier.size() > 1 && proposed.multiMatchPolicy() == MultiMatchPolicy.CREATE_NEW) {
                return;
            }
            counts[1]++;
            String method = findings.bestFor(earlier.getFirst()).map(c -> c.method().id()).orElse("unknown");
            byMethod.merge(method, 1L, Long::sum);
            if (samples.size() < maxSamples) {
                samples.add(new Sample(lead.id(), earlier.stream().map(Lead::id).toList(), method));
            }
        });
        return new Report(counts[0], counts[1], counts[2], byMethod, samples);
    }
}
