package org.dedup.app.cli;

import java.util.UUID;
import java.util.concurrent.Callable;

import org.dedup.app.DedupApplication;
import org.dedup.domain.merge.AfterUnmerge;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.Unmerger;
import org.dedup.domain.model.TenantId;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Undoes a journaled merge. */
@Command(name = "unmerge", description = "Undo a merge: every record gets its values and links back, and is marked "
        + "\"not a duplicate\" of the survivor unless --leave-unmarked.")
final class UnmergeCommand implements Callable<Integer> {
    @ParentCommand
    DedupCommand parent;

    @Option(names = "--tenant", required = true)
    String tenant;

    @Option(names = "--merge", required = true, description = "the merge id from the decision or the journal")
    UUID merge;

    @Option(names = "--leave-unmarked", description = "do not mark the records \"not a duplicate\" (they may be "
            + "merged again)")
    boolean leaveUnmarked;

    @Override
    public Integer call() {
        try (DedupApplication app = DedupApplication.start(parent.config())) {
            AfterUnmerge remembered = leaveUnmarked ? AfterUnmerge.LEAVE_UNMARKED : AfterUnmerge.MARK_NOT_DUPLICATES;
            var entry = app.get(Unmerger.class).unmerge(new TenantId(tenant), new MergeId(merge), remembered);
            System.out.println("undone " + entry.id() + ": " + entry.survivorBefore().id() + " restored, "
                    + entry.absorbed().size() + " absorbed lead(s) back"
                    + (leaveUnmarked ? "" : ", each marked not a duplicate of it"));
        }
        return 0;
    }
}
