package org.dedup.matchers.builtin;

/** Provides the built-in {@link CustomFieldMatcher}. */
public final class CustomFieldMatcherProvider extends BuiltInMatcherProvider {
    public CustomFieldMatcherProvider() {
        super("custom_field", CustomFieldMatcher::new);
    }
}
