package org.dedup.matchers.builtin;

/** Provides the built-in {@link DuplicateRuleMatcher}. */
public final class DuplicateRuleMatcherProvider extends BuiltInMatcherProvider {
    public DuplicateRuleMatcherProvider() {
        super("duplicate_rule", DuplicateRuleMatcher::new);
    }
}
