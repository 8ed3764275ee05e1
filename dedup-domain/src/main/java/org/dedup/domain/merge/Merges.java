package org.dedup.domain.merge;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.dedup.domain.activity.Note;
import org.dedup.domain.activity.Task;
import org.dedup.domain.match.InstalledMatchers;
import org.dedup.domain.match.MatcherFailure;
import org.dedup.domain.model.Lead;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.TimeOrderedUuids;
import org.dedup.domain.search.RecordPair;
import org.dedup.domain.settings.AfterMerge;
import org.dedup.domain.standardize.StandardizationOptions;

/**
 * Carries out a merge and journals it, inside the caller's transaction: stores the survivor's new values with
 * fresh keys, moves the tasks and notes of absorbed stored leads to the survivor and deletes those leads, creates
 * the after-merge task and merge note, and appends the journal entry with every before-image.
 */
public final class Merges {
    private final MergePorts ports;
    private final InstalledMatchers matchers;
    private final Clock clock;

    public Merges(MergePorts ports, InstalledMatchers matchers, Clock clock) {
        this.ports = ports;
        this.matchers = matchers;
        this.clock = clock;
    }

    /** What to merge: {@code absorbedStored} are deleted; {@code absorbedIncoming} never were stored. */
    public record Plan(MergeKind kind, Lead survivorBefore, MergeOutcome outcome, List<Lead> absorbedStored,
                       List<Lead> absorbedIncoming, AfterMerge afterMerge, String note,
                       StandardizationOptions options) {
        public Plan {
            absorbedStored = List.copyOf(absorbedStored);
            absorbedIncoming = List.copyOf(absorbedIncoming);
        }
    }

    public MergeId apply(Plan plan, List<MatcherFailure> failures) {
        Instant now = clock.instant();
        Lead before = plan.survivorBefore();
        Lead after = plan.outcome().survivor().withVersion(before.version() + 1, now);
        ports.leads().update(after, matchers.indexKeys(matchers.profile(after, plan.options()),
                ports.settings().settings(after.tenant()), failures));
        List<MovedActivity> moved = new ArrayList<>();
        for (Lead absorbed : plan.absorbedStored()) {
            moveActivities(absorbed, before.id(), moved);
            ports.leads().delete(absorbed.tenant(), absorbed.id(), absorbed.version());
            marksFollowTheSurvivor(absorbed, before.id());
        }
        List<UUID> created = new ArrayList<>();
        if (plan.afterMerge() instanceof AfterMerge.CreateTask task) {
            Task newTask = new Task(TimeOrderedUuids.next(), before.tenant(), before.id(), task.text(),
                    now.plus(task.dueIn()), task.responsible(), now);
            ports.tasks().add(newTask);
            created.add(newTask.id());
        }
        if (!plan.note().isBlank()) {
            Note note = new Note(TimeOrderedUuids.next(), before.tenant(), before.id(), plan.note(), now);
            ports.notes().add(note);
            created.add(note.id());
        }
        List<Lead> absorbed = new ArrayList<>(plan.absorbedStored());
        absorbed.addAll(plan.absorbedIncoming());
        MergeJournalEntry entry = new MergeJournalEntry(MergeId.random(), before.tenant(), now, plan.kind(), before,
                after, absorbed, plan.outcome().provenance(), moved, created, MergeState.APPLIED);
        ports.journal().append(entry);
        return entry.id();
    }

    /**
     * The records a person said the absorbed lead is not a duplicate of are not duplicates of its survivor either,
     * now that the survivor holds its values: the marks are copied to the survivor (and stay when the merge is undone,
     * which only ever prevents a merge).
     */
    private void marksFollowTheSurvivor(Lead absorbed, LeadId survivor) {
        ports.notDuplicates().markedWith(absorbed.tenant(), absorbed.id()).stream()
                .filter(partner -> !partner.equals(survivor))
                .forEach(partner -> ports.notDuplicates().mark(absorbed.tenant(), new RecordPair(survivor, partner)));
    }

    private void moveActivities(Lead absorbed, LeadId survivor, List<MovedActivity> moved) {
        for (Task task : ports.tasks().tasksOf(absorbed.tenant(), absorbed.id())) {
            ports.tasks().move(absorbed.tenant(), task.id(), survivor);
            moved.add(new MovedActivity(MovedActivity.ActivityKind.TASK, task.id(), absorbed.id(), survivor));
        }
        for (Note note : ports.notes().notesOf(absorbed.tenant(), absorbed.id())) {
            ports.notes().move(absorbed.tenant(), note.id(), survivor);
            moved.add(new MovedActivity(MovedActivity.ActivityKind.NOTE, note.id(), absorbed.id(), survivor));
        }
    }
}
