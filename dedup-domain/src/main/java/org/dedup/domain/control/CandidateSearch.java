package org.dedup.domain.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.dedup.domain.match.InstalledMatchers;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatchContext;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.match.MatcherFailure;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.LeadProfile;
import org.dedup.domain.store.LeadRepository;

/**
 * Finds the stored leads that duplicate a lead: probe keys per matcher, one indexed lookup for all matchers within
 * the settings' scope, one batch load, and each matcher's confirmation. A matcher can only confirm leads the lookup
 * returned, so it never reaches outside the tenant.
 */
public final class CandidateSearch {
    /** Candidate leads looked at per matcher; far more than any real duplicate set, and a bound on work. */
    static final int CANDIDATE_LIMIT = 200;
    private final LeadRepository leads;
    private final InstalledMatchers matchers;
    private final GenericKeys genericKeys;
    private final CommonBlockKeys common;

    /** A search with the {@linkplain LeadLimits#defaults() default} limit of a generic key. */
    public CandidateSearch(LeadRepository leads, InstalledMatchers matchers) {
        this(leads, matchers, LeadLimits.defaults().genericKeyLeads());
    }

    /** A search for which a key shared by more than {@code genericKeyLeads} stored leads is no merge ground. */
    public CandidateSearch(LeadRepository leads, InstalledMatchers matchers, int genericKeyLeads) {
        this(leads, matchers, genericKeyLeads, new CommonBlockKeys());
    }

    /** As {@link #CandidateSearch(LeadRepository, InstalledMatchers, int)}, sharing the common keys found. */
    CandidateSearch(LeadRepository leads, InstalledMatchers matchers, int genericKeyLeads, CommonBlockKeys common) {
        this.leads = leads;
        this.matchers = matchers;
        this.genericKeys = new GenericKeys(leads, matchers, genericKeyLeads);
        this.common = common;
    }

    /**
     * The probe keys of each matcher of {@code methods}, but the {@linkplain CommonBlockKeys common keys} of a
     * blocking model; these are also the keys to lock.
     */
    public Map<Matcher, Set<MatchKey>> probe(LeadProfile profile, Set<MatchMethod> methods, MatchContext context,
                                             List<MatcherFailure> failures) {
        Map<Matcher, Set<MatchKey>> probes = new LinkedHashMap<>();
        for (Matcher matcher : matchers.forMethods(methods)) {
            Set<MatchKey> keys = matchers.probeKeys(matcher, profile, context, failures);
            if (matchers.maxBlock(matcher.method()).isPresent()) {
                keys = keys.stream().filter(key -> !common.common(context.tenant(), key))
                        .collect(Collectors.toUnmodifiableSet());
            }
            if (!keys.isEmpty()) {
                probes.put(matcher, keys);
            }
        }
        return probes;
    }

    public static Set<MatchKey> allKeys(Map<Matcher, Set<MatchKey>> probes) {
        Set<MatchKey> keys = new HashSet<>();
        probes.values().forEach(keys::addAll);
        return keys;
    }

    public Findings find(LeadProfile profile, Map<Matcher, Set<MatchKey>> probes, MatchContext context,
                         Set<LeadId> excluded, List<MatcherFailure> failures) {
        LookedUp lookedUp = lookUp(probes, context, excluded);
        return genericKeys.judged(confirm(profile, lookedUp, context, failures), probes, lookedUp.byMatcher(), context,
                failures);
    }

    /**
     * The key sets a lookup of {@code probes} asks the store for, in the matchers' order: a matcher's keys together,
     * its candidates being the leads that share any of them; but a matcher that blocks as a trained model does
     * ({@link InstalledMatchers#maxBlock}) each key alone, so that a key shared by more leads than its largest block
     * can be told and skipped.
     */
    List<KeyLookup> keyLookups(Map<Matcher, Set<MatchKey>> probes) {
        List<KeyLookup> lookups = new ArrayList<>();
        probes.forEach((matcher, keys) -> matchers.maxBlock(matcher.method()).ifPresentOrElse(
                maxBlock -> keys.forEach(key -> lookups.add(new KeyLookup(matcher, Set.of(key), maxBlock))),
                () -> lookups.add(new KeyLookup(matcher, keys, CANDIDATE_LIMIT))));
        return lookups;
    }

    /** One key set of a lookup: whose it is, and the most leads it may find to be a block its matcher looks at. */
    record KeyLookup(Matcher matcher, Set<MatchKey> keys, int maxBlock) {
    }

    /**
     * The stored leads in scope that share a probe key with each matcher, by one lookup for all matchers; for a
     * matcher that blocks, the leads of its keys' blocks that are not too large, the first {@value #CANDIDATE_LIMIT}
     * in id order. Without that a common first name's block held the first 200 of thousands of leads, neither a
     * choice the model was evaluated on (its blocking skips such a block) nor a bounded cost.
     */
    private LookedUp lookUp(Map<Matcher, Set<MatchKey>> probes, MatchContext context, Set<LeadId> excluded) {
        List<KeyLookup> lookups = keyLookups(probes);
        List<List<LeadId>> found = leads.findByKeySets(context.tenant(), lookups.stream().map(KeyLookup::keys).toList(),
                context.settings().scope(), CANDIDATE_LIMIT);
        Map<Matcher, Set<LeadId>> byMatcher = new LinkedHashMap<>();
        for (int i = 0; i < lookups.size(); i++) {
            KeyLookup lookup = lookups.get(i);
            Set<LeadId> ids = byMatcher.computeIfAbsent(lookup.matcher(), m -> new TreeSet<>(LeadId.STORE_ORDER));
            if (found.get(i).size() <= lookup.maxBlock()) {
                found.get(i).stream().filter(id -> !excluded.contains(id)).forEach(ids::add);
            } else if (lookup.keys().size() == 1) {
                common.found(context.tenant(), lookup.keys().iterator().next());
            }
        }
        Map<Matcher, List<LeadId>> candidates = new LinkedHashMap<>();
        byMatcher.forEach((matcher, ids) -> {
            if (!ids.isEmpty()) {
                candidates.put(matcher, ids.stream().limit(CANDIDATE_LIMIT).toList());
            }
        });
        return new LookedUp(candidates);
    }

    /** Loads the looked-up leads by one batch and lets each matcher confirm the candidates its own keys found. */
    private Findings confirm(LeadProfile profile, LookedUp lookedUp, MatchContext context,
                             List<MatcherFailure> failures) {
        Map<LeadId, Lead> loaded = new HashMap<>();
        Map<LeadId, LeadProfile> profiles = new HashMap<>();
        for (Lead lead : leads.findAll(context.tenant(), lookedUp.all())) {
            loaded.put(lead.id(), lead);
            profiles.put(lead.id(), matchers.profile(lead, context.settings().standardization()));
        }
        List<MatchCandidate> found = new ArrayList<>();
        lookedUp.byMatcher().forEach((matcher, ids) -> {
            List<LeadProfile> candidates = ids.stream().map(profiles::get).filter(p -> p != null).toList();
            Set<LeadId> allowed = new HashSet<>(ids);
            matchers.match(matcher, profile, candidates, context, failures).stream()
                    .filter(c -> c.record() instanceof LeadId id && allowed.contains(id))
                    .forEach(found::add);
        });
        return new Findings(found, loaded);
    }

    /** The ids each matcher's probe keys found, in the matchers' order; matchers that found none are left out. */
    private record LookedUp(Map<Matcher, List<LeadId>> byMatcher) {
        List<LeadId> all() {
            return byMatcher.values().stream().flatMap(List::stream).distinct().toList();
        }
    }
}
