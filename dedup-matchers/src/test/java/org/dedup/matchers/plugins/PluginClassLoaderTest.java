package org.dedup.matchers.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.dedup.matchers.spi.MatcherConfig;
import org.dedup.matchers.testing.TestPlugins;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a plugin sees: a probe plugin asks {@code Class.forName} for a class from inside its own code and says which
 * class loader answered ("not visible" when none did). The host's test class path has Guice and jOOQ on it.
 */
class PluginClassLoaderTest {
    private static final String PROBE = """
            package acme.%1$s;

            import java.util.List;
            import java.util.Set;
            import org.dedup.domain.match.*;
            import org.dedup.domain.settings.MatchMethod;
            import org.dedup.domain.standardize.LeadProfile;
            import org.dedup.matchers.spi.*;

            public final class Probe implements MatcherProvider {
                public String id() { return "%1$s"; }

                public Matcher create(MatcherConfig config) {
                    String answer = loaderOf(config.string("class", "java.lang.Object"));
                    return new Matcher() {
                        public MatchMethod method() { return new MatchMethod("%1$s"); }
                        public Set<MatchKey> indexKeys(LeadProfile stored) { return Set.of(); }
                        public Set<MatchKey> probeKeys(LeadProfile incoming, MatchContext context) { return Set.of(); }
                        public List<MatchCandidate> match(LeadProfile incoming, List<LeadProfile> candidates,
                                                          MatchContext context) { return List.of(); }
                        public String toString() { return answer; }
                    };
                }

                private static String loaderOf(String className) {
                    try {
                        ClassLoader loader = Class.forName(className).getClassLoader();
                        return loader == null ? "bootstrap" : loader.getName();
                    } catch (ClassNotFoundException e) {
                        return "not visible";
                    }
                }
            }
            """;

    @TempDir
    Path work;
    private Path plugins;
    private TestPlugins build;

    @BeforeEach
    void plugins() {
        plugins = work.resolve("plugins");
        build = new TestPlugins(work);
    }

    private void installProbe(Path jar, String id) throws IOException {
        build.jar(jar, Map.of("Probe.java", PROBE.formatted(id)), List.of("acme." + id + ".Probe"));
    }

    private static String seenBy(MatcherRegistry registry, String probe, String className) {
        var config = new MatcherConfig(probe, Map.of("class", className));
        return registry.createMatchers(Map.of(probe, config)).stream()
                .filter(matcher -> matcher.method().id().equals(probe)).findFirst().orElseThrow().toString();
    }

    private static String seenByTheHost(String className) throws ClassNotFoundException {
        return Class.forName(className).getClassLoader().getName();
    }

    @Nested
    class TheHostsLibraries {
        @Test
        void aPluginCannotSeeGuiceOrJooq() throws Exception {
            installProbe(plugins.resolve("probe.jar"), "probe");
            MatcherRegistry registry = MatcherRegistry.discover(plugins);

            assertEquals("app", seenByTheHost("com.google.inject.Injector"));
            assertEquals("app", seenByTheHost("org.jooq.DSLContext"));
            assertEquals("not visible", seenBy(registry, "probe", "com.google.inject.Injector"));
            assertEquals("not visible", seenBy(registry, "probe", "org.jooq.DSLContext"));
        }

        @Test
        void aPluginCannotSeeTheBuiltInMatchersOrThePluginLoader() throws Exception {
            installProbe(plugins.resolve("probe.jar"), "probe");
            MatcherRegistry registry = MatcherRegistry.discover(plugins);

            assertEquals("not visible", seenBy(registry, "probe", "org.dedup.matchers.builtin.EmailMatcher"));
            assertEquals("not visible", seenBy(registry, "probe", MatcherRegistry.class.getName()));
        }

        @Test
        void aPluginBundlingItsOwnVersionOfALibraryGetsItsOwn() throws Exception {
            Path probe = plugins.resolve("probe");
            installProbe(probe.resolve("probe.jar"), "probe");
            build.jar(probe.resolve("guice-of-its-own.jar"),
                    Map.of("Guice.java", "package com.google.inject; public final class Guice {}"), List.of());

            MatcherRegistry registry = MatcherRegistry.discover(plugins);

            assertEquals("app", seenByTheHost("com.google.inject.Guice"));
            assertEquals("plugin:probe", seenBy(registry, "probe", "com.google.inject.Guice"));
        }
    }

    @Nested
    class WhatAPluginShares {
        @Test
        void aPluginGetsTheSpiAndTheDomainFromTheHost() throws Exception {
            installProbe(plugins.resolve("probe.jar"), "probe");
            MatcherRegistry registry = MatcherRegistry.discover(plugins);

            assertEquals("app", seenBy(registry, "probe", "org.dedup.matchers.spi.MatcherProvider"));
            assertEquals("app", seenBy(registry, "probe", "org.dedup.domain.match.Matcher"));
        }

        @Test
        void aPluginGetsTheJdkFromThePlatform() throws Exception {
            installProbe(plugins.resolve("probe.jar"), "probe");
            MatcherRegistry registry = MatcherRegistry.discover(plugins);

            assertEquals("platform", seenBy(registry, "probe", "java.sql.Connection"));
            assertEquals("bootstrap", seenBy(registry, "probe", "java.util.List"));
        }

        @Test
        void twoPluginsCannotSeeEachOthersClasses() throws Exception {
            installProbe(plugins.resolve("first.jar"), "first");
            installProbe(plugins.resolve("second.jar"), "second");
            MatcherRegistry registry = MatcherRegistry.discover(plugins);

            assertEquals("plugin:first.jar", seenBy(registry, "first", "acme.first.Probe"));
            assertEquals("not visible", seenBy(registry, "first", "acme.second.Probe"));
        }
    }
}
