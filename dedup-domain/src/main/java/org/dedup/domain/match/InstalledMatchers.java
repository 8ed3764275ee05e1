package org.dedup.domain.match;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.Require;
import org.dedup.domain.settings.DuplicateControlSettings;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.LeadProfile;
import org.dedup.domain.standardize.RecordStandardizer;
import org.dedup.domain.standardize.StandardizationOptions;

/** The matchers installed in this engine, called through the guard, and the profiles they work on. */
public final class InstalledMatchers {
    private final Map<MatchMethod, Matcher> byMethod = new LinkedHashMap<>();
    private final Map<MatchMethod, ControlTraits> traits = new LinkedHashMap<>();
    private final Map<MatchMethod, Integer> maxBlocks = new LinkedHashMap<>();
    private final RecordStandardizer standardizer;
    private final MatcherGuard guard;

    public InstalledMatchers(List<Matcher> matchers, RecordStandardizer standardizer, MatcherGuard guard) {
        for (Matcher matcher : Require.nonNull(matchers, "matchers")) {
            if (byMethod.putIfAbsent(matcher.method(), matcher) != null) {
                throw new IllegalArgumentException("two matchers are installed for method " + matcher.method());
            }
            traits.put(matcher.method(), Require.nonNull(matcher.controlTraits(),
                    "control traits of method " + matcher.method()));
            matcher.recordLinker().flatMap(RecordLinker::blocking)
                    .ifPresent(blocking -> maxBlocks.put(matcher.method(), blocking.maxBlock()));
        }
        this.standardizer = Require.nonNull(standardizer, "standardizer");
        this.guard = Require.nonNull(guard, "matcher guard");
    }

    public LeadProfile profile(Lead lead, StandardizationOptions options) {
        return standardizer.lead(lead, options);
    }

    /** The matchers of the methods a check uses, in installation order. */
    public List<Matcher> forMethods(Set<MatchMethod> methods) {
        return byMethod.values().stream().filter(m -> methods.contains(m.method())).toList();
    }

    /**
     * The methods of {@code settings} that are installed and whose {@linkplain Matcher#controlTraits() traits} satisfy
     * {@code condition}, in installation order.
     */
    public Set<MatchMethod> enabledWhere(DuplicateControlSettings settings, Predicate<ControlTraits> condition) {
        Set<MatchMethod> methods = new LinkedHashSet<>();
        traits.forEach((method, declared) -> {
            if (settings.enabled(method) && condition.test(declared)) {
                methods.add(method);
            }
        });
        return methods;
    }

    /** The traits the matcher of {@code method} declared; {@link ControlTraits#DEFAULT} when none is installed. */
    public ControlTraits traits(MatchMethod method) {
        return traits.getOrDefault(method, ControlTraits.DEFAULT);
    }

    /**
     * The largest block of leads the matcher of {@code method} scores, when it blocks as a trained model does
     * ({@link RecordLinker.Blocking#maxBlock()}): a key shared by more leads tells it nothing, and the bulk search
     * skips such a block. Read once, when the matcher is installed; empty for a matcher that does not block so.
     */
    public Optional<Integer> maxBlock(MatchMethod method) {
        return Optional.ofNullable(maxBlocks.get(method));
    }

    /** Each installed method's health, in installation order. */
    public Map<MatchMethod, MatcherHealth> health() {
        Map<MatchMethod, MatcherHealth> health = new LinkedHashMap<>();
        byMethod.forEach((method, matcher) -> health.put(method, matcher.health()));
        return health;
    }

    /** Each installed method's description of itself ({@link Matcher#description()}), in installation order. */
    public Map<MatchMethod, Map<String, Object>> descriptions() {
        Map<MatchMethod, Map<String, Object>> descriptions = new LinkedHashMap<>();
        byMethod.forEach((method, matcher) -> descriptions.put(method, matcher.description()));
        return descriptions;
    }

    /**
     * Refuses settings that enable a method with no installed matcher (a typo, a plugin whose jar is missing),
     * naming the methods; {@code whose} starts the message ("stored settings: ", or empty).
     *
     * @throws InvalidRecordException naming the missing methods and the installed ones
     */
    public void requireInstalled(DuplicateControlSettings settings, String whose) {
        Set<String> missing = new TreeSet<>();
        for (MatchMethod method : settings.methods()) {
            if (!byMethod.containsKey(method)) {
                missing.add(method.id());
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidRecordException(whose + "methods " + missing + " have no matcher installed (installed: "
                    + new TreeSet<>(byMethod.keySet().stream().map(MatchMethod::id).toList()) + ")");
        }
    }

    /**
     * The methods whose keys a stored lead of a tenant with {@code settings} is indexed under: the installed methods
     * it enables, in installation order. Nothing else probes a matcher's keys: the candidate lookup of duplicate
     * control (on arrival, after an add, after an update), the generic-key counts and the settings dry run probe
     * only the keys of the methods they run, which are enabled ones (a dry run of other settings names the methods
     * that are not indexed, see {@code SettingsDryRun}).
     */
    public Set<MatchMethod> indexedMethods(DuplicateControlSettings settings) {
        Set<MatchMethod> methods = new LinkedHashSet<>();
        byMethod.keySet().forEach(method -> {
            if (settings.enabled(method)) {
                methods.add(method);
            }
        });
        return methods;
    }

    /**
     * The keys a stored lead of a tenant with {@code settings} is indexed under: those of the
     * {@linkplain #indexedMethods indexed methods}; the duplicate-search keys of all its contacts, which check on
     * save probes for every tenant whatever its methods (and which are the keys of the duplicate-rule method); and
     * the keys of the companies it links, by which a merge of companies finds the leads that follow. A method enabled
     * later finds the leads stored before by a reindex ({@code org.dedup.domain.index.LeadIndexing}).
     */
    public Set<MatchKey> indexKeys(Lead lead, DuplicateControlSettings settings, List<MatcherFailure> failures) {
        return indexKeys(profile(lead, settings.standardization()), settings, failures);
    }

    /** As {@link #indexKeys(Lead, DuplicateControlSettings, List)}, for a lead already standardized. */
    public Set<MatchKey> indexKeys(LeadProfile profile, DuplicateControlSettings settings,
                                   List<MatcherFailure> failures) {
        Set<MatchKey> keys = new HashSet<>(SearchKeys.index(profile.all()));
        keys.addAll(LeadLinks.index(profile.lead()));
        for (MatchMethod method : indexedMethods(settings)) {
            keys.addAll(methodKeys(method, profile, failures));
        }
        return keys;
    }

    /** The keys of the matcher of {@code method} alone (none when it is not installed): what a reindex adds. */
    public Set<MatchKey> methodKeys(MatchMethod method, LeadProfile profile, List<MatcherFailure> failures) {
        Matcher matcher = byMethod.get(method);
        return matcher == null ? Set.of() : guard.call(matcher, () -> matcher.indexKeys(profile), Set.of(), failures);
    }

    public Set<MatchKey> probeKeys(Matcher matcher, LeadProfile profile, MatchContext context,
                                   List<MatcherFailure> failures) {
        return guard.call(matcher, () -> matcher.probeKeys(profile, context), Set.of(), failures);
    }

    public List<MatchCandidate> match(Matcher matcher, LeadProfile incoming,
                                                             List<LeadProfile> candidates, MatchContext context,
                                                             List<MatcherFailure> failures) {
        return guard.call(matcher, () -> matcher.match(incoming, candidates, context), List.of(),
                failures);
    }
}
