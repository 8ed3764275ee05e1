package org.dedup.matchers.builtin;

/** Provides the built-in {@link PhoneMatcher}. */
public final class PhoneMatcherProvider extends BuiltInMatcherProvider {
    public PhoneMatcherProvider() {
        super("phone", PhoneMatcher::new);
    }
}
