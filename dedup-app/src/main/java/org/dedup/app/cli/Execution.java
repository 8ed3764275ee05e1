package org.dedup.app.cli;

import java.util.List;
import java.util.concurrent.Callable;

import com.google.inject.AbstractModule;

import org.dedup.app.DedupApplication;
import org.dedup.app.config.DedupConfig;

import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.ParseResult;

/**
 * The composition root of the command line: help when asked for; a subcommand {@link OnApplication} run as the
 * command the started application's injector builds for it; any other subcommand called by picocli.
 */
final class Execution implements CommandLine.IExecutionStrategy {
    @Override
    public int execute(ParseResult parsed) {
        Integer help = CommandLine.executeHelpRequest(parsed);
        if (help != null) {
            return help;
        }
        ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        if (leaf.commandSpec().userObject() instanceof OnApplication onApplication
                && onApplication.needsApplication()) {
            DedupCommand root = (DedupCommand) parsed.commandSpec().userObject();
            return run(onApplication, root, leaf.commandSpec().commandLine());
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    private static int run(OnApplication options, DedupCommand root, CommandLine commandLine) {
        try {
            DedupConfig config = options.configuration(root.config());
            try (DedupApplication app = DedupApplication.start(config, List.of(new Parsed(options, config)))) {
                Callable<Integer> command = app.get(options.command());
                return command.call();
            }
        } catch (CommandLine.ParameterException | ExecutionException e) {
            throw e;
        } catch (Exception e) {
            throw new ExecutionException(commandLine, "dedup " + commandLine.getCommandName() + " failed", e);
        }
    }

    /** What the command line gives the injector: the parsed options and the configuration. */
    private static final class Parsed extends AbstractModule {
        private final OnApplication options;
        private final DedupConfig config;

        Parsed(OnApplication options, DedupConfig config) {
            this.options = options;
            this.config = config;
        }

        @Override
        @SuppressWarnings("unchecked")
        protected void configure() {
            bind((Class<Object>) (Class<?>) options.getClass()).toInstance(options);
            bind(DedupConfig.class).toInstance(config);
        }
    }
}
