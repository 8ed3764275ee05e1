package org.dedup.app.cli;

import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import com.google.inject.Inject;

import org.dedup.domain.audit.AuditAction;
import org.dedup.domain.audit.Audited;
import org.dedup.domain.merge.AfterUnmerge;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.UnmergeResult;
import org.dedup.domain.merge.Unmerger;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.party.Parties;
import org.dedup.domain.party.PartyMergeEntry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Undoes a journaled merge. */
@Command(name = "unmerge",
        description = "Undo a merge: every record gets its values and links back, and is marked "
        + "\"not a duplicate\" of the survivor unless --leave-unmarked.")
final class UnmergeCommand implements OnApplication {
    @Mixin
    TenantOption tenant;

    @Mixin
    ActorOption actor;

    @Option(names = "--kind", defaultValue = "lead", description = "what the merge merged: lead (default), contact "
            + "or company")
    RecordKind kind;

    @Option(names = "--merge", required = true, description = "the merge id from the decision or the journal")
    UUID merge;

    @Option(names = "--leave-unmarked", description = "do not mark the records \"not a duplicate\" (they may be "
            + "merged again)")
    boolean leaveUnmarked;

    @Override
    public Class<Run> command() {
        return Run.class;
    }

    record Run(UnmergeCommand options, Unmerger leads, Parties parties, Audited audited) implements Callable<Integer> {
        @Inject
        Run {
        }

        @Override
        public Integer call() {
            TenantId tenant = options.tenant.id();
            MergeId id = new MergeId(options.merge);
            AfterUnmerge after = options.leaveUnmarked ? AfterUnmerge.LEAVE_UNMARKED : AfterUnmerge.MARK_NOT_DUPLICATES;
            System.out.println(audited.write(options.actor.writer(tenant), AuditAction.UNMERGE,
                    () -> undo(tenant, id, after), message -> id.value().toString()));
            return 0;
        }

        private String undo(TenantId tenant, MergeId id, AfterUnmerge after) {
            String marked = options.leaveUnmarked ? "" : ", each marked not a duplicate of it";
            return switch (options.kind) {
                case LEAD -> {
                    UnmergeResult undone = leads.unmerge(tenant, id, after);
                    var entry = undone.undone();
                    yield "undone " + entry.id() + ": " + entry.survivorBefore().id() + " restored, "
                            + entry.absorbed().size() + " absorbed lead(s) back" + marked + undone.failures().stream()
                            .map(f -> System.lineSeparator() + Words.failed(f)).collect(Collectors.joining());
                }
                case CONTACT -> described(parties.contacts().unmerge(tenant, id, after), marked);
                case COMPANY -> described(parties.companies().unmerge(tenant, id, after), marked);
            };
        }

        private static String described(PartyMergeEntry<?> entry, String marked) {
            return "undone " + entry.id() + ": " + entry.after().id() + " restored, " + entry.absorbed().size()
                    + " absorbed record(s) and " + entry.leadsBefore().size() + " lead(s) back" + marked;
        }
    }
}
