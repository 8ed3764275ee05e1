package org.dedup.app.cli;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.dedup.app.DedupApplication;
import org.dedup.domain.audit.AuditLog;
import org.dedup.domain.audit.DecisionHistory;
import org.dedup.domain.audit.TimePage;
import org.dedup.domain.control.Decision;
import org.dedup.domain.match.MatchCandidate;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TenantId;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The decision log: every decision duplicate control took, with the candidates that explain it. */
@Command(name = "decisions", mixinStandardHelpOptions = true, description = "The decision log, newest first.",
        subcommands = DecisionsCommand.ListDecisions.class)
final class DecisionsCommand implements Callable<Integer> {
    @ParentCommand
    DedupCommand parent;

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Decisions newest first: time, outcome, lead, and each candidate's method, score and fields.")
    static final class ListDecisions implements Callable<Integer> {
        @ParentCommand
        DecisionsCommand decisions;

        @Option(names = "--tenant", required = true)
        String tenant;

        @Option(names = "--lead", description = "only decisions on this lead")
        UUID lead;

        @Option(names = "--limit", description = "at most this many (default: ${DEFAULT-VALUE})")
        int limit = 50;

        @Override
        public Integer call() {
            try (DedupApplication app = DedupApplication.start(decisions.parent.config())) {
                for (DecisionHistory.Entry entry : app.get(AuditLog.class).decisions(new TenantId(tenant),
                        new DecisionHistory.Query(Optional.ofNullable(lead).map(LeadId::new), Set.of(),
                                new TimePage(Instant.EPOCH, TimePage.END, Optional.empty(), limit)))) {
                    Decision decision = entry.decision();
                    System.out.println(entry.at() + "  " + decision.getClass().getSimpleName() + "  lead "
                            + decision.lead().value());
                    for (MatchCandidate c : decision.candidates()) {
                        System.out.println("    " + c.record() + " " + c.method().id() + " score " + c.score() + " "
                                + c.explanation().stream().map(f -> f.field() + "=" + f.similarity()).toList());
                    }
                }
            }
            return 0;
        }
    }
}
