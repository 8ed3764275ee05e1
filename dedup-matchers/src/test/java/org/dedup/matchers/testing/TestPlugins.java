package org.dedup.matchers.testing;

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

import org.dedup.matchers.spi.MatcherProvider;

/** Plugins built as their authors build them: sources compiled against the SPI, packed as jars for a plugins directory. */
public final class TestPlugins {
    private static final String CLOSING = """
            package acme.%1$s;

            import java.io.IOException;
            import java.io.UncheckedIOException;
            import java.net.URISyntaxException;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.util.List;
            import java.util.Set;
            import org.dedup.domain.match.*;
            import org.dedup.domain.settings.MatchMethod;
            import org.dedup.domain.standardize.LeadProfile;
            import org.dedup.matchers.spi.*;

            public final class Closing implements MatcherProvider {
                public String id() { return "%1$s"; }

                public Matcher create(MatcherConfig config) {
                    boolean fail = config.string("failToClose", "false").equals("true");
                    return new Matcher() {
                        public MatchMethod method() { return new MatchMethod("%1$s"); }
                        public Set<MatchKey> indexKeys(LeadProfile stored) { return Set.of(); }
                        public Set<MatchKey> probeKeys(LeadProfile incoming, MatchContext context) { return Set.of(); }
                        public List<MatchCandidate> match(LeadProfile incoming, List<LeadProfile> candidates,
                                                          MatchContext context) { return List.of(); }
                        public void close() {
                            if (fail) {
                                throw new IllegalStateException("%1$s cannot close");
                            }
                            try {
                                Path jar = Path.of(Closing.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                                Files.writeString(jar.resolveSibling(jar.getFileName() + ".closed"), "closed");
                            } catch (IOException | URISyntaxException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    };
                }
            }
            """;
    private final Path work;

    public TestPlugins(Path work) {
        this.work = work;
    }

    /**
     * A plugin (id {@code id}) whose matcher, when closed, writes the file {@code <jar>.closed} beside its jar, or
     * throws when its option {@code failToClose} is true.
     */
    public Path closingMatcher(Path jar, String id) throws IOException {
        return jar(jar, Map.of("Closing.java", CLOSING.formatted(id)), List.of("acme." + id + ".Closing"));
    }

    /** The file a {@link #closingMatcher closing matcher} writes when it is closed. */
    public static Path closedMarker(Path jar) {
        return jar.resolveSibling(jar.getFileName() + ".closed");
    }

    /**
     * Compiles {@code sources} (file name to source) into the jar {@code jar}, which lists {@code providers} as its
     * matcher providers (none for a library jar).
     */
    public Path jar(Path jar, Map<String, String> sources, List<String> providers) throws IOException {
        Path src = Files.createTempDirectory(work, "src");
        Path classes = Files.createTempDirectory(work, "classes");
        for (var source : sources.entrySet()) {
            Files.writeString(src.resolve(source.getKey()), source.getValue());
        }
        try (Stream<Path> files = Files.list(src)) {
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            String[] args = Stream.concat(Stream.of("-d", classes.toString(), "-cp",
                    System.getProperty("java.class.path")), files.map(Path::toString)).toArray(String[]::new);
            if (javac.run(null, null, null, args) != 0) {
                throw new IllegalStateException("the test plugin " + jar.getFileName() + " does not compile");
            }
        }
        if (!providers.isEmpty()) {
            Path services = Files.createDirectories(classes.resolve("META-INF/services"));
            Files.writeString(services.resolve(MatcherProvider.class.getName()), String.join("\n", providers) + "\n",
                    StandardCharsets.UTF_8);
        }
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
        return jar;
    }
}
