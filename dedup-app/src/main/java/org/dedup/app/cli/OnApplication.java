package org.dedup.app.cli;

import java.util.concurrent.Callable;

import org.dedup.app.config.DedupConfig;

/**
 * A subcommand that works on the configured application. picocli parses the command line into it first; then the
 * application is started once from the parsed configuration, and its injector builds {@link #command()} by
 * constructor injection, these parsed options among what it may ask for, and runs it ({@link Execution}).
 */
interface OnApplication {
    /** What runs this invocation. */
    Class<? extends Callable<Integer>> command();

    /** Whether this invocation needs the application at all; without it, picocli calls the subcommand itself. */
    default boolean needsApplication() {
        return true;
    }

    /** The configuration the application starts with: the one given, unless the command needs another. */
    default DedupConfig configuration(DedupConfig given) {
        return given;
    }
}
