package org.dedup.app.cli;

import java.util.UUID;
import java.util.concurrent.Callable;

import org.dedup.app.DedupApplication;
import org.dedup.domain.audit.AuditLog;
import org.dedup.domain.audit.Audited;
import org.dedup.domain.merge.AfterUnmerge;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.Unmerger;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.party.Parties;
import org.dedup.domain.party.PartyMergeEntry;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Undoes a journaled merge. */
@Command(name = "unmerge", mixinStandardHelpOptions = true,
        description = "Undo a merge: every record gets its values and links back, and is marked "
        + "\"not a duplicate\" of the survivor unless --leave-unmarked.")
final class UnmergeCommand implements Callable<Integer> {
    @ParentCommand
    DedupCommand parent;

    @Option(names = "--tenant", required = true)
    String tenant;

    @Option(names = "--kind", defaultValue = "lead", description = "what the merge merged: lead (default), contact or company")
    String kind;

    @Option(names = "--merge", required = true, description = "the merge id from the decision or the journal")
    UUID merge;

    @Option(names = "--leave-unmarked", description = "do not mark the records \"not a duplicate\" (they may be "
            + "merged again)")
    boolean leaveUnmarked;

    @Option(names = "--actor", description = "who undoes the merge, recorded in the journal (default: cli:<user name>)")
    String actor;

    @Override
    public Integer call() {
        var recordKind = Kinds.parse(kind);
        try (DedupApplication app = DedupApplication.start(parent.config())) {
            AfterUnmerge remembered = leaveUnmarked ? AfterUnmerge.LEAVE_UNMARKED : AfterUnmerge.MARK_NOT_DUPLICATES;
            String marked = leaveUnmarked ? "" : ", each marked not a duplicate of it";
            TenantId tenantId = new TenantId(tenant);
            MergeId id = new MergeId(merge);
            Parties parties = app.get(Parties.class);
            String undone = app.get(Audited.class).write(new Audited.Writer(tenantId, Actors.of(actor)),
                    AuditLog.UNMERGE, () -> switch (recordKind) {
                        case LEAD -> {
                            var entry = app.get(Unmerger.class).unmerge(tenantId, id, remembered);
                            yield "undone " + entry.id() + ": " + entry.survivorBefore().id() + " restored, "
                                    + entry.absorbed().size() + " absorbed lead(s) back" + marked;
                        }
                        case CONTACT -> described(parties.contacts().unmerge(tenantId, id, remembered), marked);
                        case COMPANY -> described(parties.companies().unmerge(tenantId, id, remembered), marked);
                    }, message -> id.value().toString());
            System.out.println(undone);
        }
        return 0;
    }

    private static String described(PartyMergeEntry<?> entry, String marked) {
        return "undone " + entry.id() + ": " + entry.after().id() + " restored, " + entry.absorbed().size()
                + " absorbed record(s) and " + entry.leadsBefore().size() + " lead(s) back" + marked;
    }
}
