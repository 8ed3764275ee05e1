package org.dedup.app.cli;

import org.dedup.domain.audit.Audited;
import org.dedup.domain.model.TenantId;

import picocli.CommandLine.Option;

/** The {@code --actor} of the commands that write: who acts, recorded in the journal and the audit. */
final class ActorOption {
    @Option(names = "--actor", description = "who acts, recorded in the journal and the audit (default: "
            + "cli:<user name>)")
    String actor;

    String actor() {
        return actor == null || actor.isBlank() ? "cli:" + System.getProperty("user.name", "unknown") : actor;
    }

    /** Who writes to {@code tenant}'s records. */
    Audited.Writer writer(TenantId tenant) {
        return new Audited.Writer(tenant, actor());
    }
}
