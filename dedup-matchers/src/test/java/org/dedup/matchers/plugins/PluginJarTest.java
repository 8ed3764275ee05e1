package org.dedup.matchers.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.matchers.spi.MatcherProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin compiled here, packaged as a jar and dropped into a plugins directory, as an operator would. */
class PluginJarTest {
    private static final String SOURCE = """
            package acme.plugin;

            import java.util.List;
            import java.util.Set;
            import org.dedup.domain.match.*;
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
        Path src = Files.createDirectories(work.resolve("src/acme/plugin"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        Files.writeString(src.resolve("EchoProvider.java"), SOURCE);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                src.resolve("EchoProvider.java").toString());
        assertEquals(0, status, "the test plugin compiles");
        Path services = Files.createDirectories(classes.resolve("META-INF/services"));
        Files.writeString(services.resolve(MatcherProvider.class.getName()), "acme.plugin.EchoProvider\n",
                StandardCharsets.UTF_8);
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path jar = plugins.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
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
    void twoPluginsWithTheSameIdAreRefused() throws IOException {
        Path plugins = pluginJar("echo.jar");
        Files.copy(plugins.resolve("echo.jar"), plugins.resolve("echo-copy.jar"));

        InvalidRecordException error = assertThrows(InvalidRecordException.class, () -> MatcherRegistry.discover(plugins));

        assertTrue(error.getMessage().contains("two matcher plugins have the id 'echo'"), error.getMessage());
    }
}
