package org.dedup.matchers.builtin;

import java.util.List;
import java.util.Set;

import org.dedup.domain.match.ControlTraits;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.match.MatchContext;
import org.dedup.domain.match.MatchKey;
import org.dedup.domain.match.Matcher;
import org.dedup.domain.model.SourceChannel;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.standardize.LeadProfile;
import org.dedup.domain.standardize.ProfileField;

/**
 * Kommo "tracking pixel": a new chat request carrying a pixel finds the leads associated with the same pixel.
 * Only chats are checked; web-form requests are never matched by pixel, neither arriving nor stored.
 */
public final class TrackingPixelMatcher implements Matcher {
    /** The method's id, which tenants enable. */
    public static final MatchMethod METHOD = new MatchMethod("tracking_pixel");
    private final SharedValueMatcher pixels = new SharedValueMatcher(METHOD, ProfileField.PIXEL);

    @Override
    public MatchMethod method() {
        return METHOD;
    }

    /** Checked on arrival; Kommo adds a merge note to the leads the pixel found. */
    @Override
    public ControlTraits controlTraits() {
        return ControlTraits.DEFAULT.withMergeNote();
    }

    @Override
    public Set<MatchKey> indexKeys(LeadProfile stored) {
        return isTracked(stored) ? pixels.indexKeys(stored) : Set.of();
    }

    @Override
    public Set<MatchKey> probeKeys(LeadProfile incoming, MatchContext context) {
        return isChat(incoming) ? pixels.probeKeys(incoming, context) : Set.of();
    }

    /** Sharing a key is the ground of its verdict. */
    @Override
    public boolean matchesOnSharedKey() {
        return true;
    }

    @Override
    public List<MatchCandidate> match(LeadProfile incoming, List<LeadProfile> candidates, MatchContext context) {
        if (!isChat(incoming)) {
            return List.of();
        }
        return pixels.match(incoming, candidates.stream().filter(TrackingPixelMatcher::isTracked).toList(), context);
    }

    /** Kommo forms are not tracked by the pixel: a lead that came from one is never found by its pixel. */
    private static boolean isTracked(LeadProfile stored) {
        return stored.lead().source() != SourceChannel.WEB_FORM;
    }

    private static boolean isChat(LeadProfile incoming) {
        return incoming.lead().source() == SourceChannel.CHAT;
    }
}
