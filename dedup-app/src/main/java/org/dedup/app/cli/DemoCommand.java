package org.dedup.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.dedup.app.DedupApplication;
import org.dedup.app.config.DatabaseConfig;
import org.dedup.app.demo.DemoRun;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.search.DuplicateSearch;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SettingsStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Runs the demo on a fresh embedded H2 database. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate a sample tenant, run its requests through duplicate control, report.")
final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    DedupCommand parent;

    @Option(names = "--people", defaultValue = "2000", description = "people to generate (default ${DEFAULT-VALUE})")
    int people;

    @Option(names = "--seed", defaultValue = "42", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws IOException {
        Path dir = Files.createTempDirectory("dedup-demo");
        String url = "jdbc:h2:file:" + dir.resolve("demo") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH";
        System.out.println("embedded H2 database in " + dir);
        try (DedupApplication app = DedupApplication.start(parent.config().withDatabase(DatabaseConfig.of(url)))) {
            DemoRun demo = new DemoRun(app.get(DuplicateControl.class), app.get(SettingsStore.class),
                    app.get(LeadRepository.class), System.out);
            demo.print(demo.run(people, seed));
            demo.scan(app.get(DuplicateSearch.class));
        }
        return 0;
    }
}
