package org.dedup.matchers.plugins;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import org.dedup.domain.match.Matcher;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.matchers.spi.MatcherConfig;
import org.dedup.matchers.spi.MatcherProvider;

/**
 * Finds matcher providers with {@link ServiceLoader}: those on the class path, and those of the plugins in a plugins
 * directory, each plugin in a {@link PluginClassLoader} of its own, so that plugins see neither the host's libraries
 * nor each other's classes. Duplicate ids and providers written against another SPI version are refused.
 * {@link #close} closes the matchers it created and the plugins' class loaders: the host calls it when it shuts down.
 */
public final class MatcherRegistry implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MatcherRegistry.class.getName());
    private final Map<String, MatcherProvider> providers = new LinkedHashMap<>();
    private final List<URLClassLoader> pluginLoaders = new ArrayList<>();
    private final List<Matcher> created = new ArrayList<>();
    private final Set<Matcher> fromPluginJars = Collections.newSetFromMap(new IdentityHashMap<>());

    private MatcherRegistry() {
    }

    /** The providers on the class path plus, when {@code pluginsDir} exists, those of its plugins. */
    public static MatcherRegistry discover(Path pluginsDir) {
        MatcherRegistry registry = new MatcherRegistry();
        ClassLoader hostLoader = MatcherProvider.class.getClassLoader();
        try {
            ServiceLoader.load(MatcherProvider.class, hostLoader).forEach(p -> registry.register(p, "class path"));
            for (PluginJars plugin : PluginJars.in(pluginsDir)) {
                URLClassLoader loader = new PluginClassLoader(plugin.name(), plugin.jars(), hostLoader);
                registry.pluginLoaders.add(loader);
                ServiceLoader.load(MatcherProvider.class, loader)
                        .forEach(p -> registry.register(p, plugin.origin().toString()));
            }
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        return registry;
    }

    public List<String> ids() {
        return List.copyOf(providers.keySet());
    }

    /** Creates one matcher per provider, each with its configuration (empty when none is given). */
    public List<Matcher> createMatchers(Map<String, MatcherConfig> configs) {
        for (String id : configs.keySet()) {
            if (!providers.containsKey(id)) {
                throw new InvalidRecordException("matchers." + id + " configures a matcher that is not installed; "
                        + "installed: " + providers.keySet());
            }
        }
        List<Matcher> matchers = new ArrayList<>();
        providers.forEach((id, provider) -> {
            Matcher matcher = provider.create(configs.getOrDefault(id, MatcherConfig.empty(id)));
            matchers.add(matcher);
            synchronized (created) {
                created.add(matcher);
                if (provider.getClass().getClassLoader() instanceof PluginClassLoader) {
                    fromPluginJars.add(matcher);
                }
            }
        });
        return matchers;
    }

    /**
     * Whether {@code matcher} was created here by a plugin of the plugins directory: code the operator dropped in, which
     * the engine runs under a time budget. Matchers of the class path (the built-in ones, BIG DATA, a hosting
     * application's own) are part of the application.
     */
    public boolean fromPluginJar(Matcher matcher) {
        synchronized (created) {
            return fromPluginJars.contains(matcher);
        }
    }

    /**
     * Closes every matcher created here, then the plugins' class loaders. A matcher that fails to close is logged
     * and the others are closed all the same.
     */
    @Override
    public void close() {
        List<Matcher> toClose;
        synchronized (created) {
            toClose = List.copyOf(created);
            created.clear();
            fromPluginJars.clear();
        }
        for (Matcher matcher : toClose) {
            try {
                matcher.close();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "matcher " + matcher.method().id() + " failed to close", e);
            }
        }
        for (URLClassLoader loader : pluginLoaders) {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "plugin class loader " + loader.getName() + " failed to close", e);
            }
        }
    }

    private void register(MatcherProvider provider, String origin) {
        if (provider.spiVersion() != MatcherProvider.SPI_VERSION) {
            throw new InvalidRecordException("matcher plugin " + provider.id() + " from " + origin
                    + " was written for SPI version " + provider.spiVersion() + ", this dedup implements "
                    + MatcherProvider.SPI_VERSION);
        }
        MatcherProvider earlier = providers.putIfAbsent(provider.id(), provider);
        if (earlier != null) {
            throw new InvalidRecordException("two matcher plugins have the id '" + provider.id() + "': "
                    + earlier.getClass().getName() + " and " + provider.getClass().getName() + " from " + origin);
        }
        LOG.log(System.Logger.Level.INFO, "matcher plugin " + provider.id() + " loaded from " + origin);
    }
}
