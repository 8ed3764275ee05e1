package org.dedup.matchers.plugins;

import static org.dedup.matchers.testing.TestPlugins.closedMarker;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.dedup.domain.match.Matcher;
import org.dedup.matchers.spi.MatcherConfig;
import org.dedup.matchers.spi.MatcherProvider;
import org.dedup.matchers.testing.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Matchers holding resources are closed when the host closes the registry that created them, at its shutdown. */
class ClosingMatchersTest {
    private static final String SERVICES = "META-INF/services/" + MatcherProvider.class.getName();

    @TempDir
    Path work;

    @Test
    void closingTheRegistryClosesEveryMatcherItCreated() throws Exception {
        Path jar = new TestPlugins(work).closingMatcher(work.resolve("plugins/closing.jar"), "closing");
        MatcherRegistry registry = MatcherRegistry.discover(jar.getParent());
        registry.createMatchers(Map.of());
        assertFalse(Files.exists(closedMarker(jar)));

        registry.close();

        assertTrue(Files.exists(closedMarker(jar)));
    }

    @Test
    void aMatcherFailingToCloseDoesNotKeepTheOthersOpen() throws Exception {
        TestPlugins build = new TestPlugins(work);
        Path plugins = work.resolve("plugins");
        build.closingMatcher(plugins.resolve("a-failing.jar"), "failing");
        Path closing = build.closingMatcher(plugins.resolve("b-closing.jar"), "closing");
        MatcherRegistry registry = MatcherRegistry.discover(plugins);
        registry.createMatchers(Map.of("failing", new MatcherConfig("failing", Map.of("failToClose", "true"))));

        registry.close();

        assertTrue(Files.exists(closedMarker(closing)));
    }

    @Test
    void closingTheRegistryClosesThePluginsClassLoaders() throws Exception {
        Path jar = new TestPlugins(work).closingMatcher(work.resolve("plugins/closing.jar"), "closing");
        MatcherRegistry registry = MatcherRegistry.discover(jar.getParent());
        Matcher plugin = registry.createMatchers(Map.of()).stream()
                .filter(matcher -> matcher.method().id().equals("closing")).findFirst().orElseThrow();
        URLClassLoader loader = (URLClassLoader) plugin.getClass().getClassLoader();
        assertNotNull(loader.findResource(SERVICES));

        registry.close();

        assertNull(loader.findResource(SERVICES));
    }
}
