package org.dedup.app.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.dedup.app.DedupApplication;
import org.dedup.domain.audit.AuditLog;
import org.dedup.domain.audit.MergeHistory;
import org.dedup.domain.audit.TimePage;
import org.dedup.domain.merge.MergeKind;
import org.dedup.domain.merge.MergeState;
import org.dedup.domain.model.TenantId;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The merge journal: who merged what, when, how, and whether it was undone. */
@Command(name = "merges", mixinStandardHelpOptions = true, description = "The merge journal, newest first.",
        subcommands = MergesCommand.ListMerges.class)
final class MergesCommand implements Callable<Integer> {
    @ParentCommand
    DedupCommand parent;

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Merges newest first: id, time, who, method, state, survivor and absorbed records.")
    static final class ListMerges implements Callable<Integer> {
        @ParentCommand
        MergesCommand merges;

        @Option(names = "--tenant", required = true)
        String tenant;

        @Option(names = "--kind", defaultValue = "lead", description = "lead (default), contact or company")
        String kind;

        @Option(names = "--survivor", description = "only merges into this record")
        UUID survivor;

        @Option(names = "--state", description = "applied or undone")
        MergeState state;

        @Option(names = "--method", description = "leads only: duplicate_control or manual")
        MergeKind method;

        @Option(names = "--limit", description = "at most this many (default: ${DEFAULT-VALUE})")
        int limit = 50;

        @Override
        public Integer call() {
            try (DedupApplication app = DedupApplication.start(merges.parent.config())) {
                List<AuditLog.AuditedMerge> found = app.get(AuditLog.class).merges(new TenantId(tenant),
                        new MergeHistory.Query(Kinds.parse(kind), Optional.ofNullable(survivor),
                                Optional.ofNullable(state), Optional.ofNullable(method),
                                new TimePage(java.time.Instant.EPOCH, TimePage.END, Optional.empty(), limit)));
                for (AuditLog.AuditedMerge audited : found) {
                    var merge = audited.merge();
                    System.out.println(merge.id().value() + "  " + merge.at() + "  by " + audited.by() + "  "
                            + lower(merge.kind()) + "  " + lower(merge.state())
                            + audited.undo().map(u -> " by " + u.actor() + " at " + u.at()).orElse("")
                            + "  survivor " + merge.survivor().value() + ", " + (merge.before().size() - 1)
                            + " absorbed, " + merge.provenance().size() + " fields decided");
                }
            }
            return 0;
        }
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
