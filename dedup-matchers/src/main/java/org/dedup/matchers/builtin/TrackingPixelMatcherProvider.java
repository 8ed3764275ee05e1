package org.dedup.matchers.builtin;

/** Provides the built-in {@link TrackingPixelMatcher}. */
public final class TrackingPixelMatcherProvider extends BuiltInMatcherProvider {
    public TrackingPixelMatcherProvider() {
        super("tracking_pixel", TrackingPixelMatcher::new);
    }
}
