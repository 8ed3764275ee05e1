package org.dedup.matchers.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.matchers.testing.TestPlugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin compiled here, packaged as a jar and dropped into a plugins directory, as an operator would. */
class PluginJarTest {
    private static final String SOURCE = """
            package acme.plugin;

            import java.util.List;
            import java.util.Set;
            import org.dedup.domain.match.*;
            import org.dedup.domain.settings.MatchMethod;
            import org.dedup.domain.standardize.LeadProfile;
            import org.dedup.matchers.spi.*;

            public final class EchoProvider implements MatcherProvider {
                public String id() { return "echo"; }
                public Matcher create(MatcherConfig config) {
                    return new Matcher() {
                        public MatchMethod method() { return new MatchMethod("echo"); }
                        public Set<MatchKey> indexKeys(LeadProfile stored) { return Set.of(); }
                        public Set<MatchKey> probeKeys(LeadProfile incoming, MatchContext context) { return Set.of(); }
                        public List<MatchCandidate> match(LeadProfile incoming, List<LeadProfile> candidates,
                                                          MatchContext context) { return List.of(); }
                    };
                }
            }
            """;

    @TempDir
    Path work;

    private Path pluginJar(String name) throws IOException {
        Path plugins = work.resolve("plugins");
        new TestPlugins(work).jar(plugins.resolve(name), Map.of("EchoProvider.java", SOURCE),
                List.of("acme.plugin.EchoProvider"));
        return plugins;
    }

    @Test
    void aJarInThePluginsDirectoryIsLoadedInItsOwnClassLoader() throws IOException {
        Path plugins = pluginJar("echo.jar");

        MatcherRegistry registry = MatcherRegistry.discover(plugins);

        assertTrue(registry.ids().contains("echo"), registry.ids().toString());
        var echo = registry.createMatchers(Map.of()).stream().filter(m -> m.method().id().equals("echo")).findFirst()
                .orElseThrow();
        assertTrue(echo.getClass().getClassLoader().getName().startsWith("plugin:echo.jar"));
    }

    @Test
    void onlyTheMatchersOfPluginJarsRunUnderTheTimeBudget() throws IOException {
        MatcherRegistry registry = MatcherRegistry.discover(pluginJar("echo.jar"));

        Map<String, Boolean> guarded = new TreeMap<>();
        registry.createMatchers(Map.of()).forEach(m -> guarded.put(m.method().id(), registry.fromPluginJar(m)));

        assertEquals(Map.of("custom_field", false, "duplicate_rule", false, "echo", true, "email", false,
                "phone", false, "tracking_pixel", false), guarded);
    }

    @Test
    void twoPluginsWithTheSameIdAreRefused() throws IOException {
        Path plugins = pluginJar("echo.jar");
        Files.copy(plugins.resolve("echo.jar"), plugins.resolve("echo-copy.jar"));

        InvalidRecordException error = assertThrows(InvalidRecordException.class, () -> MatcherRegistry.discover(plugins));

        assertTrue(error.getMessage().contains("two matcher plugins have the id 'echo'"), error.getMessage());
    }
}
