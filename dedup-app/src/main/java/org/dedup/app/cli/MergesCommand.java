package org.dedup.app.cli;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.google.inject.Inject;

import org.dedup.domain.audit.AuditLog;
import org.dedup.domain.audit.MergeHistory;
import org.dedup.domain.audit.TimePage;
import org.dedup.domain.merge.MergeKind;
import org.dedup.domain.merge.MergeState;
import org.dedup.domain.model.RecordKind;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The merge journal: who merged what, when, how, and whether it was undone. */
@Command(name = "merges", description = "The merge journal, newest first.", subcommands = MergesCommand.ListMerges.class)
final class MergesCommand extends CommandGroup {
    @Command(name = "list",
            description = "Merges newest first: id, time, who, method, state, survivor and absorbed records.")
    static final class ListMerges implements OnApplication {
        @Mixin
        TenantOption tenant;

        @Option(names = "--kind", defaultValue = "lead", description = "lead (default), contact or company")
        RecordKind kind;

        @Option(names = "--survivor", description = "only merges into this record")
        UUID survivor;

        @Option(names = "--state", description = "applied or undone")
        MergeState state;

        @Option(names = "--method", description = "leads only: duplicate_control or manual")
        MergeKind method;

        @Option(names = "--limit", description = "at most this many (default: ${DEFAULT-VALUE})")
        int limit = 50;

        @Override
        public Class<Run> command() {
            return Run.class;
        }

        record Run(ListMerges options, AuditLog audit) implements Callable<Integer> {
            @Inject
            Run {
            }

            @Override
            public Integer call() {
                var query = new MergeHistory.Query(options.kind, Optional.ofNullable(options.survivor),
                        Optional.ofNullable(options.state), Optional.ofNullable(options.method),
                        new TimePage(Instant.EPOCH, TimePage.END, Optional.empty(), options.limit));
                for (AuditLog.AuditedMerge audited : audit.merges(options.tenant.id(), query)) {
                    var merge = audited.merge();
                    System.out.println(merge.id().value() + "  " + merge.at() + "  by " + audited.by() + "  "
                            + Words.lower(merge.kind()) + "  " + Words.lower(merge.state())
                            + audited.undo().map(u -> " by " + u.actor() + " at " + u.at()).orElse("")
                            + "  survivor " + merge.survivor().value() + ", " + (merge.before().size() - 1)
                            + " absorbed, " + merge.provenance().size() + " fields decided");
                }
                return 0;
            }
        }
    }
}
