package org.dedup.matchers.plugins;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.dedup.domain.model.DedupException;

/**
 * One installed plugin and its class path: a jar directly in the plugins directory, or a directory in it holding the
 * plugin's jar and the jars of the libraries it bundles (as Trino lays out its plugins).
 */
record PluginJars(String name, Path origin, List<URL> jars) {

    /** The plugins of {@code pluginsDir}, by name; none when it does not exist. */
    static List<PluginJars> in(Path pluginsDir) {
        if (pluginsDir == null || !Files.isDirectory(pluginsDir)) {
            return List.of();
        }
        return list(pluginsDir).stream().filter(path -> Files.isDirectory(path) || isJar(path)).map(PluginJars::of)
                .toList();
    }

    private static PluginJars of(Path plugin) {
        List<Path> jars = Files.isDirectory(plugin) ? list(plugin).stream().filter(PluginJars::isJar).toList()
                : List.of(plugin);
        return new PluginJars(plugin.getFileName().toString(), plugin, jars.stream().map(PluginJars::url).toList());
    }

    private static boolean isJar(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar");
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
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
