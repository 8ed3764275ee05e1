package org.dedup.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The hexagon, as rules over the main classes of every module. */
@AnalyzeClasses(packages = "org.dedup", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String DOMAIN = "org.dedup.domain..";
    private static final String SPI = "org.dedup.matchers..";
    private static final String STANDARDIZATION = "org.dedup.standardization..";
    private static final String ML = "org.dedup.ml..";
    private static final String PERSISTENCE = "org.dedup.persistence..";
    private static final String APP = "org.dedup.app..";
    private static final String SPARK = "org.dedup.spark..";

    @ArchTest
    static final ArchRule theDomainDependsOnTheJdkOnly = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..");

    @ArchTest
    static final ArchRule theMatcherSpiDependsOnTheDomainOnly = classes().that().resideInAPackage(SPI)
            .should().onlyDependOnClassesThat().resideInAnyPackage(SPI, DOMAIN, "java..");

    @ArchTest
    static final ArchRule standardizationDependsOnNoOtherAdapter = noClasses().that().resideInAPackage(STANDARDIZATION)
            .should().dependOnClassesThat().resideInAnyPackage(ML, PERSISTENCE, APP);

    @ArchTest
    static final ArchRule theMlMatcherDependsOnNoOtherAdapter = noClasses().that().resideInAPackage(ML)
            .should().dependOnClassesThat().resideInAnyPackage(STANDARDIZATION, PERSISTENCE, APP);

    @ArchTest
    static final ArchRule persistenceDependsOnNoOtherAdapter = noClasses().that().resideInAPackage(PERSISTENCE)
            .should().dependOnClassesThat().resideInAnyPackage(STANDARDIZATION, ML, SPI, APP);

    @ArchTest
    static final ArchRule onlyTheAppKnowsGuice = noClasses().that().resideOutsideOfPackage(APP)
            .should().dependOnClassesThat().resideInAPackage("com.google.inject..");

    /** The console reaches the data through the JSON HTTP API only: no back door into the engine or the database. */
    @ArchTest
    static final ArchRule theConsoleUsesTheHttpApiOnly = noClasses().that().resideInAPackage("org.dedup.app.console..")
            .should().dependOnClassesThat().resideInAnyPackage(DOMAIN, SPI, STANDARDIZATION, ML, PERSISTENCE,
                    "org.dedup.app.http..", "org.dedup.app.wiring..", "org.dedup.app.config..", "com.google.inject..");

    /**
     * One composition root for the command line: its Execution starts the application and has the injector build
     * each command, which receives what it needs by constructor injection (serve starts the server's own).
     */
    @ArchTest
    static final ArchRule cliCommandsLookNothingUp = noClasses().that().resideInAPackage("org.dedup.app.cli..")
            .and().doNotHaveSimpleName("Execution").and().doNotHaveSimpleName("ServeCommand")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.dedup.app.DedupApplication")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("com.google.inject.Injector");

    @ArchTest
    static final ArchRule onlyDedupSparkKnowsSpark = noClasses().that().resideOutsideOfPackage(SPARK)
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..");

    @ArchTest
    static final ArchRule nothingDependsOnDedupSpark = noClasses().that().resideOutsideOfPackage(SPARK)
            .should().dependOnClassesThat().resideInAPackage(SPARK);
}
