package org.dedup.domain.match;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.LeadProfile;

/**
 * Port: one duplicate-detection method. The engine stores each lead under the {@link #indexKeys index keys} of
 * every matcher, looks up stored leads by the {@link #probeKeys probe keys} of an incoming lead, and asks the
 * matcher to {@link #match confirm and explain} the candidates found. A matcher never queries storage itself, so
 * it cannot see another tenant's records.
 */
public interface Matcher extends AutoCloseable {

    MatchMethod method();

    /** Keys a stored lead is indexed under for this method; computed whenever the lead is saved. */
    Set<MatchKey> indexKeys(LeadProfile stored);

    /** Keys to look up stored leads by for an incoming or updated lead. */
    Set<MatchKey> probeKeys(LeadProfile incoming, MatchContext context);

    /**
     * Confirms which of the {@code candidates} (stored leads sharing a probe key, already limited to the
     * tenant and to the settings' pipeline scope) duplicate {@code incoming}, each with an explanation.
     */
    List<MatchCandidate> match(LeadProfile incoming, List<LeadProfile> candidates, MatchContext context);

    /**
     * Whether this matcher calls a candidate a duplicate because it shares one of its keys (an email, a phone, a
     * pixel). For such a matcher, a key shared by more stored leads than the tenant's limit (a generic value: a
     * switchboard number, {@code info@}) is not a ground for a merge on its own: such a candidate is left for review.
     * Matchers that score candidates their keys only block together answer false, the default.
     */
    default boolean matchesOnSharedKey() {
        return false;
    }

    /**
     * This method for bulk search, when it can score any two of a tenant's records (leads, contacts, companies) by
     * a blocking and a score of its own, as a trained model does; empty, the default, for a method that only
     * matches an incoming lead against stored ones.
     */
    default Optional<RecordLinker> recordLinker() {
        return Optional.empty();
    }

    /**
     * How duplicate control runs this method: when it checks a lead (on arrival, or right after the lead was added for
     * some channels), whether its merges add a note, whether it merges only where an incoming-leads stage is involved,
     * and whether an update checks the lead again. Read once, when the matcher is installed; the default,
     * {@link ControlTraits#DEFAULT}, is an ordinary method checked on arrival. The engine knows no method by name:
     * what is special about one is declared here.
     */
    default ControlTraits controlTraits() {
        return ControlTraits.DEFAULT;
    }

    /**
     * Whether this matcher can work: {@link MatcherHealth#AVAILABLE}, the default, or unavailable with the reason
     * (its model could not be loaded, say), which the server's health report shows. An unavailable matcher still
     * answers every call, with an exception giving the same reason.
     */
    default MatcherHealth health() {
        return MatcherHealth.AVAILABLE;
    }

    /**
     * What this matcher tells the people who run it about itself, which {@code GET /v1/matchers} shows: for a
     * trained model, its schema, algorithm, thresholds, training data, blocking and the metrics it reached on held-out
     * pairs. Values are JDK types only (String, Number, Boolean, List and Map of them), since a plugin shares no other
     * classes with dedup, and carry no paths or personal data. Empty, the default, for a matcher with nothing to
     * tell beyond its method.
     */
    default Map<String, Object> description() {
        return Map.of();
    }

    /**
     * Releases what this matcher holds (files, a native model, a connection pool). dedup calls it once, when the
     * application shuts down, after the last call to the other methods. The default holds nothing; a failure here is
     * logged and does not keep the other matchers from being closed.
     */
    @Override
    default void close() {
    }
}
