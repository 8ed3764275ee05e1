package org.dedup.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.google.inject.Inject;

import org.dedup.app.config.DatabaseConfig;
import org.dedup.app.config.DedupConfig;
import org.dedup.app.demo.DemoRun;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.search.DuplicateSearch;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SettingsStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the demo on a fresh embedded H2 database. */
@Command(name = "demo", description = "Generate a sample tenant, run its requests through duplicate control, report.")
final class DemoCommand implements OnApplication {
    @Option(names = "--people", defaultValue = "2000", description = "people to generate (default ${DEFAULT-VALUE})")
    int people;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Class<Run> command() {
        return Run.class;
    }

    /** The configuration given, on a fresh embedded database. */
    @Override
    public DedupConfig configuration(DedupConfig given) {
        try {
            Path dir = Files.createTempDirectory("dedup-demo");
            System.out.println("embedded H2 database in " + dir);
            return given.withDatabase(DatabaseConfig.of("jdbc:h2:file:" + dir.resolve("demo")));
        } catch (IOException e) {
            throw new UncheckedIOException("no directory for the demo's database", e);
        }
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
