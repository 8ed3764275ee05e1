package org.dedup.domain.testing;

import org.dedup.domain.match.ControlTraits;
import org.dedup.domain.model.SourceChannel;
import org.dedup.domain.settings.MatchMethod;

/**
 * The Kommo methods that plugins bring (dedup-ml-matcher's BIG DATA, dedup-matchers' tracking pixel), as the engine's
 * tests name them: the engine itself names neither, it reads the traits their matchers declare, copied here for the
 * stand-ins.
 */
public final class KommoMethods {
    public static final MatchMethod BIG_DATA = new MatchMethod("big_data");
    public static final MatchMethod TRACKING_PIXEL = new MatchMethod("tracking_pixel");
    /** Chats on arrival, other channels right after they were added; incoming stage; a merge note; after updates. */
    public static final ControlTraits BIG_DATA_TRAITS = ControlTraits.DEFAULT.checkedAfterAddExcept(SourceChannel.CHAT)
            .withMergeNote().mergingOnlyWithIncomingStage().checkedAfterUpdate();
    /** On arrival, with a merge note. */
    public static final ControlTraits TRACKING_PIXEL_TRAITS = ControlTraits.DEFAULT.withMergeNote();

    private KommoMethods() {
    }
}
