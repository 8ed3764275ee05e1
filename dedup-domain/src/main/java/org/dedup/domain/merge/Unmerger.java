package org.dedup.domain.merge;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.dedup.domain.match.InstalledMatchers;
import org.dedup.domain.match.MatcherFailure;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.RecordNotFoundException;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.RecordPair;
import org.dedup.domain.store.StaleRecordException;

/**
 * Undoes a journaled merge in one transaction: the survivor gets its before-image back (as a new version), every
 * absorbed lead exists again with its own values, keys and contacts, moved tasks and notes go back, and the tasks
 * and notes the merge created are removed. Refused when the survivor changed after the merge. Unless told otherwise
 * ({@link AfterUnmerge}), the survivor and each restored lead are marked "not a duplicate", so duplicate control
 * does not merge them again.
 */
public final class Unmerger {
    private final MergePorts ports;
    private final InstalledMatchers matchers;
    private final Clock clock;

    public Unmerger(MergePorts ports, InstalledMatchers matchers, Clock clock) {
        this.ports = ports;
        this.matchers = matchers;
        this.clock = clock;
    }

    /** Undoes the merge and marks the survivor and each restored lead "not a duplicate". */
    public UnmergeResult unmerge(TenantId tenant, MergeId id) {
        return unmerge(tenant, id, AfterUnmerge.MARK_NOT_DUPLICATES);
    }

    /** Undoes the merge; the result names the matchers that failed on the restored leads. */
    public UnmergeResult unmerge(TenantId tenant, MergeId id, AfterUnmerge remembered) {
        return ports.transactor().inTransaction(() -> {
            MergeJournalEntry entry = ports.journal().find(tenant, id).orElseThrow(
                    () -> new InvalidRecordException(id + " does not exist in tenant " + tenant));
            if (entry.state() == MergeState.UNDONE) {
                throw new InvalidRecordException(id + " of tenant " + tenant + " was already undone");
            }
            Lead after = entry.survivorAfter();
            Lead current = ports.leads().find(tenant, after.id())
                    .orElseThrow(() -> new RecordNotFoundException(tenant, after.id()));
            if (current.version() != after.version()) {
                throw new StaleRecordException(tenant, after.id(), after.version());
            }
            var settings = ports.settings().settings(tenant);
            List<MatcherFailure> failures = new ArrayList<>();
            Lead restored = entry.survivorBefore().withVersion(current.version() + 1, clock.instant());
            ports.leads().update(restored, matchers.indexKeys(restored, settings, failures));
            for (Lead absorbed : entry.absorbed()) {
                if (ports.leads().find(tenant, absorbed.id()).isEmpty()) {
                    ports.leads().insert(absorbed, matchers.indexKeys(absorbed, settings, failures));
                }
            }
            for (MovedActivity moved : entry.moved()) {
                switch (moved.kind()) {
                    case TASK -> ports.tasks().move(tenant, moved.activity(), moved.from());
                    case NOTE -> ports.notes().move(tenant, moved.activity(), moved.from());
                }
            }
            entry.createdActivities().forEach(activity -> {
                ports.tasks().remove(tenant, activity);
                ports.notes().remove(tenant, activity);
            });
            if (remembered == AfterUnmerge.MARK_NOT_DUPLICATES) {
                entry.absorbed().stream().filter(absorbed -> !absorbed.id().equals(restored.id()))
                        .forEach(absorbed -> ports.notDuplicates().mark(tenant,
                                new RecordPair(restored.id(), absorbed.id())));
            }
            ports.journal().markUndone(tenant, id);
            return new UnmergeResult(entry.undone(), failures);
        });
    }
}
