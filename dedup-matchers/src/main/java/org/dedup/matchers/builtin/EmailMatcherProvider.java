package org.dedup.matchers.builtin;

/** Provides the built-in {@link EmailMatcher}. */
public final class EmailMatcherProvider extends BuiltInMatcherProvider {
    public EmailMatcherProvider() {
        super("email", EmailMatcher::new);
    }
}
