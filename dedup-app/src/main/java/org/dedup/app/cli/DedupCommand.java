package org.dedup.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.dedup.app.config.ConfigLoader;
import org.dedup.app.config.DedupConfig;
import org.dedup.domain.model.DedupException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code dedup} command line. */
@Command(name = "dedup", mixinStandardHelpOptions = true, version = "dedup 0.1.0",
        description = "Finds and merges duplicate CRM records.",
        subcommands = {DemoCommand.class, ServeCommand.class, ImportCommand.class, CheckCommand.class, ScanCommand.class,
                ScheduleCommand.class, WebhookCommand.class, MergeCommand.class, UnmergeCommand.class,
                ReviewCommand.class, MergesCommand.class, DecisionsCommand.class, DryRunCommand.class,
                TrainCommand.class, EvaluateCommand.class, ExplainCommand.class,
                LabelCommand.class})
public final class DedupCommand implements Callable<Integer> {
    private static final String GUICE_BYTECODE_GENERATION = "guice_bytecode_gen_option";

    @Option(names = {"-c", "--config"}, scope = ScopeType.INHERIT,
            description = "configuration file (YAML or JSON); before or after the subcommand")
    Path configFile;

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    DedupConfig config() {
        return new ConfigLoader().load(configFile, System.getenv());
    }

    public static void main(String[] args) {
        // Guice 7 defines its generated classes through sun.misc.Unsafe, which JDK 24+ warns about at every start;
        // dedup uses no method interception, so the plain reflection Guice falls back to costs nothing here.
        if (System.getProperty(GUICE_BYTECODE_GENERATION) == null) {
            System.setProperty(GUICE_BYTECODE_GENERATION, "DISABLED");
        }
        System.exit(commandLine().execute(args));
    }

    /** The command line as {@code main} runs it: a DedupException is printed as one line and exits with 2. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new DedupCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((error, cmd, parsed) -> {
            if (error instanceof DedupException) {
                cmd.getErr().println("dedup: " + error.getMessage());
                return 2;
            }
            throw error;
        });
        return commandLine;
    }
}
