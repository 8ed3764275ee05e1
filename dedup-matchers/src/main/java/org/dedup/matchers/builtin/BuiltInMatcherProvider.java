package org.dedup.matchers.builtin;

import java.util.function.Supplier;

import org.dedup.domain.match.Matcher;
import org.dedup.matchers.spi.MatcherConfig;
import org.dedup.matchers.spi.MatcherProvider;

/** A provider of a built-in matcher, which takes no configuration. */
abstract class BuiltInMatcherProvider implements MatcherProvider {
    private final String id;
    private final Supplier<Matcher> matcher;

    BuiltInMatcherProvider(String id, Supplier<Matcher> matcher) {
        this.id = id;
        this.matcher = matcher;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Matcher create(MatcherConfig config) {
        return matcher.get();
    }
}
