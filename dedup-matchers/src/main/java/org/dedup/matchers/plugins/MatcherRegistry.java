package org.dedup.matchers.plugins;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.dedup.domain.match.Matcher;
import org.dedup.domain.model.DedupException;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.matchers.spi.MatcherConfig;
import org.dedup.matchers.spi.MatcherProvider;

/**
 * Finds matcher providers with {@link ServiceLoader}: those on the class path, and those in the jars of a
 * plugins directory, each jar in a class loader of its own (parent: the SPI's loader), so plugins cannot see each
 * other's classes. Duplicate ids and providers written against another SPI version are refused.
 */
public final class MatcherRegistry {
    private static final System.Logger LOG = System.getLogger(MatcherRegistry.class.getName());
    private final Map<String, MatcherProvider> providers = new LinkedHashMap<>();

    private MatcherRegistry() {
    }

    /** The providers on the class path plus, when {@code pluginsDir} exists, those in its jars. */
    public static MatcherRegistry discover(Path pluginsDir) {
        MatcherRegistry registry = new MatcherRegistry();
        ClassLoader spiLoader = MatcherProvider.class.getClassLoader();
        ServiceLoader.load(MatcherProvider.class, spiLoader).forEach(p -> registry.register(p, "class path"));
        for (Path jar : jars(pluginsDir)) {
            ClassLoader loader = new URLClassLoader("plugin:" + jar.getFileName(), new URL[] {url(jar)}, spiLoader);
            ServiceLoader.load(MatcherProvider.class, loader).stream()
                    .filter(p -> p.type().getClassLoader() == loader)
                    .forEach(p -> registry.register(p.get(), jar.toString()));
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
        providers.forEach((id, provider) ->
                matchers.add(provider.create(configs.getOrDefault(id, MatcherConfig.empty(id)))));
        return matchers;
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

    private static List<Path> jars(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new DedupException("cannot list the plugins directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new DedupException("cannot load plugin " + jar + ": " + e.getMessage(), e);
        }
    }
}
