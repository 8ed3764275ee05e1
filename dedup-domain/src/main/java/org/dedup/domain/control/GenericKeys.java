package org.dedup.domain.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.dedup.domain.match.FieldMatch;
import org.dedup.domain.match.InstalledMatchers;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatchContext;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.match.MatcherFailure;
import org.dedup.domain.match.Verdict;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.store.LeadRepository;

/**
 * Keys shared by more stored leads than a limit: generic values (a switchboard number, {@code info@acme.com}) that
 * say nothing about who a lead is. A duplicate that a {@linkplain Matcher#matchesOnSharedKey() shared-key matcher}
 * found only by generic keys is not merged: it is kept as a possible duplicate, for review, its explanation naming
 * the generic keys. Counting costs a lookup only when a matcher's candidates already number more than the limit.
 */
final class GenericKeys {
    private static final System.Logger LOG = System.getLogger(GenericKeys.class.getName());
    private final LeadRepository leads;
    private final InstalledMatchers matchers;
    private final int limit;

    GenericKeys(LeadRepository leads, InstalledMatchers matchers, int limit) {
        this.leads = leads;
        this.matchers = matchers;
        this.limit = limit;
    }

    /** {@code findings} with the duplicates found only by generic keys made possible duplicates. */
    Findings judged(Findings findings, Map<Matcher, Set<MatchKey>> probes, Map<Matcher, List<LeadId>> found,
                    MatchContext context, List<MatcherFailure> failures) {
        Set<MatchMethod> suspect = new HashSet<>();
        Set<MatchKey> keys = new HashSet<>();
        found.forEach((matcher, ids) -> {
            if (matcher.matchesOnSharedKey() && ids.size() > limit) {
                suspect.add(matcher.method());
                keys.addAll(probes.get(matcher));
            }
        });
        if (suspect.isEmpty() || findings.candidates().stream()
                .noneMatch(c -> c.verdict() == Verdict.DUPLICATE && suspect.contains(c.method()))) {
            return findings;
        }
        Set<MatchKey> generic = new HashSet<>();
        leads.countByKeys(context.tenant(), keys, context.settings().scope(), limit + 1).forEach((key, count) -> {
            if (count > limit) {
                generic.add(key);
            }
        });
        if (generic.isEmpty()) {
            return findings;
        }
        LOG.log(System.Logger.Level.INFO, () -> "tenant " + context.tenant() + ": " + generic.size()
                + " generic key(s) of " + new TreeSet<>(generic.stream().map(MatchKey::namespace).toList())
                + ", each shared by more than " + limit + " leads; duplicates found only by them are left for review");
        List<MatchCandidate> judged = new ArrayList<>();
        for (MatchCandidate candidate : findings.candidates()) {
            judged.add(candidate.verdict() == Verdict.DUPLICATE && suspect.contains(candidate.method())
                    ? judged(candidate, findings.leads().get((LeadId) candidate.record()), keys, generic, context,
                    failures) : candidate);
        }
        return new Findings(judged, findings.leads());
    }

    private MatchCandidate judged(MatchCandidate candidate, Lead lead, Set<MatchKey> probed, Set<MatchKey> generic,
                                  MatchContext context, List<MatcherFailure> failures) {
        // the keys of the method that found it: another method's (or another contact's) keys are not its ground
        Set<MatchKey> shared = new HashSet<>(matchers.methodKeys(candidate.method(),
                matchers.profile(lead, context.settings().standardization()), failures));
        shared.retainAll(probed);
        if (shared.isEmpty() || !generic.containsAll(shared)) {
            return candidate;
        }
        List<FieldMatch> explanation = new ArrayList<>(candidate.explanation());
        shared.stream().sorted((a, b) -> (a.namespace() + a.value()).compareTo(b.namespace() + b.value()))
                .forEach(key -> explanation.add(new FieldMatch(key.namespace(), key.value(), key.value(),
                        "generic key, shared by more than " + limit + " stored leads: not a merge ground on its own",
                        1.0)));
        return new MatchCandidate(candidate.record(), candidate.method(), Verdict.POSSIBLE_DUPLICATE,
                candidate.score(), explanation);
    }
}
