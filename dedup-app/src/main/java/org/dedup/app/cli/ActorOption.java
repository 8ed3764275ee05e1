package org.dedup.app.cli;

import picocli.CommandLine.Option;

/** The {@code --actor} of the commands that write: who acts, recorded in the journal and the audit. */
final class ActorOption {
    @Option(names = "--actor", description = "who acts, recorded in the journal and the audit (default: "
            + "cli:<user name>)")
    String actor;

    String actor() {
        return actor == null || actor.isBlank() ? "cli:" + System.getProperty("user.name", "unknown") : actor;
    }
}
