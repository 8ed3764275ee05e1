package org.dedup.app.cli;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import com.google.inject.Inject;

import org.dedup.domain.audit.AuditAction;
import org.dedup.domain.audit.AuditEvent;
import org.dedup.domain.audit.AuditLog;
import org.dedup.domain.audit.AuditTrail;
import org.dedup.domain.audit.TimePage;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The audit trail: every write over HTTP or the command line, with who made it. */
@Command(name = "audit", description = "Who wrote what, newest first.", subcommands = AuditCommand.ListEvents.class)
final class AuditCommand extends CommandGroup {
    @Command(name = "list", description = "Writes newest first: time, who, action and what it wrote.")
    static final class ListEvents implements OnApplication {
        @Mixin
        TenantOption tenant;

        @Option(names = "--actor", description = "only the writes of this actor (an API key's name such as "
                + "api-key:acme, a Dedup-Actor, cli:<user name>)")
        String actor;

        @Option(names = "--action", split = ",", description = "only these actions, comma-separated: "
                + "${COMPLETION-CANDIDATES}")
        Set<AuditAction> actions;

        @Option(names = "--subject", description = "only the writes of this subject (a record, merge, scan, "
                + "webhook or review item id, a pair, settings, rules, scan-schedule)")
        String subject;

        @Option(names = "--since", description = "only writes at or after this time (ISO-8601, e.g. "
                + "2026-12-03T00:00:00Z)")
        Instant since;

        @Option(names = "--until", description = "only writes before this time (ISO-8601)")
        Instant until;

        @Option(names = "--limit", description = "at most this many (default: ${DEFAULT-VALUE})")
        int limit = 50;

        @Override
        public Class<Run> command() {
            return Run.class;
        }

        record Run(ListEvents options, AuditLog audit) implements Callable<Integer> {
            @Inject
            Run {
            }

            @Override
            public Integer call() {
                var query = new AuditTrail.Query(Optional.ofNullable(options.actor),
                        options.actions == null ? Set.of() : options.actions, Optional.ofNullable(options.subject),
                        new TimePage(options.since == null ? Instant.EPOCH : options.since,
                                options.until == null ? TimePage.END : options.until, Optional.empty(), options.limit));
                for (AuditEvent event : audit.events(options.tenant.id(), query)) {
                    System.out.println(event.at() + "  " + event.actor() + "  " + event.action().id() + "  "
                            + event.subject());
                }
                return 0;
            }
        }
    }
}
