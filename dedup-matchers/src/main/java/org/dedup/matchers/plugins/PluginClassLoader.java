package org.dedup.matchers.plugins;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/**
 * The class loader of one plugin. Its parent is the platform class loader (the JDK's modules), not the host's
 * application loader, so a plugin sees none of the host's libraries (Guice, jOOQ, Jackson, the built-in matchers,
 * this loader) and may bundle its own versions of them. Only the SPI's and the domain's packages are taken from the
 * host, so that a plugin's provider is the host's {@code MatcherProvider} and its matchers the host's {@code Matcher}s.
 */
final class PluginClassLoader extends URLClassLoader {
    /** The packages a plugin shares with the host: the types it implements and the values it is given. */
    static final List<String> SPI_PACKAGES = List.of("org.dedup.matchers.spi.", "org.dedup.domain.");

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader hostLoader;

    PluginClassLoader(String pluginName, List<URL> jars, ClassLoader hostLoader) {
        super("plugin:" + pluginName, jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        this.hostLoader = hostLoader;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (SPI_PACKAGES.stream().anyMatch(name::startsWith)) {
            return hostLoader.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }
}
