package org.dedup.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.google.inject.Inject;

import org.dedup.app.config.DatabaseConfig;
import org.dedup.app.config.DedupConfig;
import org.dedup.app.config.TenantConfig;
import org.dedup.app.demo.DemoRun;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.search.DuplicateSearch;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SettingsStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Runs the demo on a fresh embedded H2 database; with {@code --serve}, then serves the demo tenant (API and console)
 * with a key made for this run, printed with the console's address, until the process is stopped.
 */
@Command(name = "demo", description = "Generate a sample tenant, run its requests through duplicate control, report; "
        + "with --serve, keep the demo tenant's server running and print the console's address and API key.")
final class DemoCommand implements OnApplication, Callable<Integer> {
    private static final SecureRandom RANDOM = new SecureRandom();

    @ParentCommand
    DedupCommand parent;

    @Option(names = "--serve", description = "after the demo, serve the demo tenant (HTTP API and console)")
    boolean serve;

    @Option(names = "--port", description = "with --serve: the port (default: http.port of the configuration, 8080; "
            + "0 for any free one)")
    Integer port;

    @Option(names = "--people", defaultValue = "2000", description = "people to generate (default ${DEFAULT-VALUE})")
    int people;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    /** The key made for the demo tenant, to print: the configuration keeps only its hash. Empty: the file's own. */
    private String key = "";

    @Override
    public Class<Run> command() {
        return Run.class;
    }

    /** Served, the demo is its own composition root, as {@code serve} is: the application outlives the command. */
    @Override
    public boolean needsApplication() {
        return !serve;
    }

    /** The configuration given, on a fresh embedded database; served, with the demo tenant and its new key. */
    @Override
    public DedupConfig configuration(DedupConfig given) {
        DedupConfig config;
        try {
            Path dir = Files.createTempDirectory("dedup-demo");
            System.out.println("embedded H2 database in " + dir);
            config = given.withDatabase(DatabaseConfig.of("jdbc:h2:file:" + dir.resolve("demo")));
        } catch (IOException e) {
            throw new UncheckedIOException("no directory for the demo's database", e);
        }
        if (!serve) {
            return config;
        }
        List<TenantConfig> tenants = new ArrayList<>(config.tenants());
        if (tenants.stream().noneMatch(t -> t.tenantId().equals(DemoRun.TENANT))) {
            key = newKey();
            tenants.add(new TenantConfig(DemoRun.TENANT.value(), key, null, null, null, null, null));
        }
        DedupConfig served = config.withTenants(tenants);
        return port == null ? served : served.withHttp(served.http().withPort(port));
    }

    private static String newKey() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "demo-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code demo --serve}: the demo, then the server, until the process is stopped. */
    @Override
    public Integer call() throws Exception {
        return ServeCommand.serve(configuration(parent.config()),
                List.of(binder -> binder.bind(DemoCommand.class).toInstance(this)),
                Optional.of(new ServeCommand.Prelude(Run.class, DemoRun.TENANT, key)));
    }

    record Run(DemoCommand options, DuplicateControl control, SettingsStore settings, LeadRepository leads,
               DuplicateSearch search) implements Callable<Integer> {
        @Inject
        Run {
        }

        @Override
        public Integer call() {
            DemoRun demo = new DemoRun(control, settings, leads, System.out);
            demo.print(demo.run(options.people, options.seed));
            demo.scan(search);
            return 0;
        }
    }
}
