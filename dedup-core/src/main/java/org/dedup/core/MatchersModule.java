package org.dedup.core;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;

import org.dedup.domain.match.Matcher;
import org.dedup.matchers.plugins.MatcherRegistry;
import org.dedup.matchers.spi.MatcherConfig;

/**
 * The installed matchers: every provider on the class path and in the plugins directory, with its configuration.
 * {@link #discover} finds and creates them, once, when the host calls it at start; the module only binds them, so
 * making an injector reads no file. The host closes the {@link MatcherRegistry} when it shuts down, which closes the
 * matchers and the plugins.
 */
public final class MatchersModule extends AbstractModule {
    private final MatcherRegistry registry;
    private final List<Matcher> matchers;

    private MatchersModule(MatcherRegistry registry, List<Matcher> matchers) {
        this.registry = registry;
        this.matchers = matchers;
    }

    /**
     * Finds the providers (reading the plugins' jars in {@code pluginsDir}) and creates each matcher with its entry of
     * {@code configs} (the {@code big_data} one loads its model). When one fails, nothing is left open.
     */
    public static MatchersModule discover(Path pluginsDir, Map<String, Map<String, String>> configs) {
        MatcherRegistry registry = MatcherRegistry.discover(pluginsDir);
        try {
            Map<String, MatcherConfig> typed = new HashMap<>();
            configs.forEach((id, values) -> typed.put(id, new MatcherConfig(id, values)));
            return new MatchersModule(registry, List.copyOf(registry.createMatchers(typed)));
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
    }

    @Override
    protected void configure() {
        bind(MatcherRegistry.class).toInstance(registry);
        bind(new TypeLiteral<List<Matcher>>() { }).toInstance(matchers);
    }
}
