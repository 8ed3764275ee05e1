package org.dedup.core;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

import org.dedup.domain.match.Matcher;
import org.dedup.matchers.plugins.MatcherRegistry;
import org.dedup.matchers.spi.MatcherConfig;

/**
 * The installed matchers: every provider on the class path and in the plugins directory, with its configuration.
 * The host closes the {@link MatcherRegistry} when it shuts down, which closes the matchers and the plugins.
 */
public final class MatchersModule extends AbstractModule {
    private final Path pluginsDir;
    private final Map<String, Map<String, String>> configs;

    public MatchersModule(Path pluginsDir, Map<String, Map<String, String>> configs) {
        this.pluginsDir = pluginsDir;
        this.configs = Map.copyOf(configs);
    }

    @Provides
    @Singleton
    MatcherRegistry registry() {
        return MatcherRegistry.discover(pluginsDir);
    }

    @Provides
    @Singleton
    List<Matcher> matchers(MatcherRegistry registry) {
        Map<String, MatcherConfig> typed = new HashMap<>();
        configs.forEach((id, values) -> typed.put(id, new MatcherConfig(id, values)));
        return registry.createMatchers(typed);
    }
}
