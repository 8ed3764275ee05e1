package org.dedup.app.cli;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.google.inject.Inject;

import org.dedup.domain.audit.AuditLog;
import org.dedup.domain.audit.DecisionHistory;
import org.dedup.domain.audit.TimePage;
import org.dedup.domain.control.Decision;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.model.LeadId;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The decision log: every decision duplicate control took, with the candidates that explain it. */
@Command(name = "decisions", description = "The decision log, newest first.",
        subcommands = DecisionsCommand.ListDecisions.class)
final class DecisionsCommand extends CommandGroup {
    @Command(name = "list",
            description = "Decisions newest first: time, outcome, lead, and each candidate's method, score and fields.")
    static final class ListDecisions implements OnApplication {
        @Mixin
        TenantOption tenant;

        @Option(names = "--lead", description = "only decisions on this lead")
        UUID lead;

        @Option(names = "--limit", description = "at most this many (default: ${DEFAULT-VALUE})")
        int limit = 50;

        @Override
        public Class<Run> command() {
            return Run.class;
        }

        record Run(ListDecisions options, AuditLog audit) implements Callable<Integer> {
            @Inject
            Run {
            }

            @Override
            public Integer call() {
                var query = new DecisionHistory.Query(Optional.ofNullable(options.lead).map(LeadId::new), Set.of(),
                        new TimePage(Instant.EPOCH, TimePage.END, Optional.empty(), options.limit));
                for (DecisionHistory.Entry entry : audit.decisions(options.tenant.id(), query)) {
                    Decision decision = entry.decision();
                    System.out.println(entry.at() + "  " + decision.getClass().getSimpleName() + "  lead "
                            + decision.lead().value());
                    for (MatchCandidate c : decision.candidates()) {
                        System.out.println("    " + c.record() + " " + c.method().id() + " score " + c.score() + " "
                                + c.explanation().stream().map(f -> f.field() + "=" + f.similarity()).toList());
                    }
                }
                return 0;
            }
        }
    }
}
