package org.dedup.app.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;
import java.util.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.BaseStream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The hexagon, as rules over the main classes of every module. */
@AnalyzeClasses(packages = "org.dedup",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {
    private static final String DOMAIN = "org.dedup.domain..";
    private static final String SPI = "org.dedup.matchers.spi..";
    private static final String BUILT_IN_MATCHERS = "org.dedup.matchers.builtin..";
    private static final String PLUGIN_LOADER = "org.dedup.matchers.plugins..";
    private static final String MATCHERS = "org.dedup.matchers..";
    private static final String STANDARDIZATION = "org.dedup.standardization..";
    private static final String ML = "org.dedup.ml..";
    private static final String PERSISTENCE = "org.dedup.persistence..";
    private static final String CORE = "org.dedup.core..";
    private static final String APP = "org.dedup.app..";
    private static final String SPARK = "org.dedup.spark..";

    @ArchTest
    static final ArchRule theDomainDependsOnTheJdkOnly = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..");

    /** Packages by capability, layered: settings and rules under match, match under the ports, the engines on top. */
    @ArchTest
    static final ArchRule theDomainPackagesAreFreeOfCycles = slices().matching("org.dedup.domain.(*)..")
            .should().beFreeOfCycles();

    /** The runtime (worker threads, executors, time budgets) lives in the adapters; the domain only decides. */
    @ArchTest
    static final ArchRule theDomainStartsNoThreads = noClasses().that().resideInAPackage(DOMAIN)
            .should().callMethodWhere(startsAThread())
            .orShould().callConstructorWhere(DescribedPredicate.describe("a Thread constructor",
                    call -> call.getTargetOwner().isAssignableTo(Thread.class)))
            .orShould().dependOnClassesThat().belongToAnyOf(Executors.class, Thread.Builder.class, Timer.class);

    @ArchTest
    static final ArchRule theDomainHoldsNoExecutor = noFields().that().areDeclaredInClassesThat()
            .resideInAPackage(DOMAIN)
            .should().haveRawType(assignableTo(Executor.class).or(assignableTo(Thread.class))
                    .or(assignableTo(Timer.class)));

    @ArchTest
    static final ArchRule theMatcherSpiDependsOnTheDomainOnly = classes().that().resideInAPackage(SPI)
            .should().onlyDependOnClassesThat().resideInAnyPackage(SPI, DOMAIN, "java..");

    /** The built-in matchers are written as any plugin is: against the SPI and the domain, nothing else. */
    @ArchTest
    static final ArchRule theBuiltInMatchersDependOnTheSpiAndTheDomainOnly = classes().that()
            .resideInAPackage(BUILT_IN_MATCHERS)
            .should().onlyDependOnClassesThat().resideInAnyPackage(BUILT_IN_MATCHERS, SPI, DOMAIN, "java..");

    @ArchTest
    static final ArchRule thePluginLoaderDependsOnTheSpiAndTheDomainOnly = classes().that()
            .resideInAPackage(PLUGIN_LOADER)
            .should().onlyDependOnClassesThat().resideInAnyPackage(PLUGIN_LOADER, SPI, DOMAIN, "java..");

    @ArchTest
    static final ArchRule standardizationDependsOnNoOtherAdapter = noClasses().that().resideInAPackage(STANDARDIZATION)
            .should().dependOnClassesThat().resideInAnyPackage(BUILT_IN_MATCHERS, PLUGIN_LOADER, ML, PERSISTENCE, APP);

    @ArchTest
    static final ArchRule theMlMatcherDependsOnNoOtherAdapter = noClasses().that().resideInAPackage(ML)
            .should().dependOnClassesThat().resideInAnyPackage(STANDARDIZATION, BUILT_IN_MATCHERS, PLUGIN_LOADER,
                    PERSISTENCE, APP);

    @ArchTest
    static final ArchRule persistenceDependsOnNoOtherAdapter = noClasses().that().resideInAPackage(PERSISTENCE)
            .should().dependOnClassesThat().resideInAnyPackage(STANDARDIZATION, ML, MATCHERS, APP);

    @ArchTest
    static final ArchRule onlyTheCoreAndTheAppKnowGuice = noClasses().that().resideOutsideOfPackages(CORE, APP)
            .should().dependOnClassesThat().resideInAPackage("com.google.inject..");

    /** What a host embeds needs nothing of the CLI and the server. */
    @ArchTest
    static final ArchRule theCoreDependsOnNoAppClass = noClasses().that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAPackage(APP);

    /** The console reaches the data through the JSON HTTP API only: no back door into the engine or the database. */
    @ArchTest
    static final ArchRule theConsoleUsesTheHttpApiOnly = noClasses().that().resideInAPackage("org.dedup.app.console..")
            .should().dependOnClassesThat().resideInAnyPackage(DOMAIN, MATCHERS, STANDARDIZATION, ML, PERSISTENCE,
                    "org.dedup.app.http..", CORE, "org.dedup.app.config..", "com.google.inject..");

    /**
     * The HTTP resources are constructed by Guice (the application's injector with the HttpModule, into HttpParts),
     * receiving what they need by constructor injection: no class of the API makes one by hand.
     */
    @ArchTest
    static final ArchRule httpResourcesAreConstructedByGuice = noClasses().that().resideInAPackage("org.dedup.app..")
            .should().callConstructorWhere(new DescribedPredicate<JavaConstructorCall>("a constructor of an HTTP "
                    + "resource") {
                @Override
                public boolean test(JavaConstructorCall call) {
                    return call.getTargetOwner().isAssignableTo("org.dedup.app.http.Resource");
                }
            });

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

    /** Thread.start and its shortcuts, asynchronous CompletableFuture stages and parallel streams. */
    private static DescribedPredicate<JavaMethodCall> startsAThread() {
        Set<String> threadStarts = Set.of("start", "startVirtualThread", "ofVirtual", "ofPlatform");
        return DescribedPredicate.describe("a call that starts a thread", call -> {
            JavaClass owner = call.getTargetOwner();
            String name = call.getName();
            return (owner.isAssignableTo(Thread.class) && threadStarts.contains(name))
                    || (owner.isAssignableTo(CompletableFuture.class) && name.endsWith("Async"))
                    || name.equals("parallelStream")
                    || (owner.isAssignableTo(BaseStream.class) && name.equals("parallel"));
        });
    }

    /** The test classes other modules share with the app's tests (as test-jars) are tests too. */
    static final class DoNotIncludeTestJars implements ImportOption {
        private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

        @Override
        public boolean includes(Location location) {
            return !location.matches(TEST_JAR);
        }
    }
}
