package org.dedup.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.dedup.app.config.ConfigLoader;
import org.dedup.app.config.DedupConfig;
import org.dedup.domain.model.DedupException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code dedup} command line; every subcommand inherits {@code --help}, {@code --version} and {@code --config}. */
@Command(name = "dedup", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, version = "dedup 0.1.0",
        description = "Finds and merges duplicate CRM records.",
        subcommands = {DemoCommand.class, ServeCommand.class, ImportCommand.class, CheckCommand.class, ScanCommand.class,
                ScheduleCommand.class, WebhookCommand.class, MergeCommand.class, UnmergeCommand.class,
                ReviewCommand.class, MergesCommand.class, DecisionsCommand.class, AuditCommand.class,
                DryRunCommand.class, TrainCommand.class, EvaluateCommand.class, ExplainCommand.class,
                LabelCommand.class, LearningCurveCommand.class})
public final class DedupCommand extends CommandGroup {
    private static final String GUICE_BYTECODE_GENERATION = "guice_bytecode_gen_option";

    @Option(names = {"-c", "--config"}, scope = ScopeType.INHERIT,
            description = "configuration file (YAML or JSON); before or after the subcommand")
    Path configFile;

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

    /**
     * The command line as {@code main} runs it ({@link Execution}): a DedupException, or a file that cannot be read,
     * is printed as one line and exits with 2.
     */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new DedupCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionStrategy(new Execution());
        commandLine.setExecutionExceptionHandler((error, cmd, parsed) -> {
            if (error instanceof DedupException || error instanceof IOException
                    || error instanceof UncheckedIOException) {
                cmd.getErr().println("dedup: " + error.getMessage());
                return 2;
            }
            throw error;
        });
        return commandLine;
    }
}
