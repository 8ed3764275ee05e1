package org.dedup.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.google.inject.Injector;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The Guice modules a host installs: no service locator, nothing of the server's. */
@AnalyzeClasses(packages = "org.dedup.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {
    /** A module gets what it needs as provider parameters; only the host's composition root holds the injector. */
    @ArchTest
    static final ArchRule noModuleLooksInstancesUpInTheInjector = noClasses()
            .should().dependOnClassesThat().areAssignableTo(Injector.class);

    @ArchTest
    static final ArchRule theModulesKnowNothingOfTheCliTheServerOrTheirLibraries = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.dedup.app..", "picocli..", "com.sun.net.httpserver..",
                    "io.javalin..", "org.eclipse.jetty..", "org.h2..", "ch.qos.logback..", "io.micrometer..",
                    "com.fasterxml.jackson.dataformat.yaml..", "org.yaml..", "com.github.kagkarlsson..");
}
