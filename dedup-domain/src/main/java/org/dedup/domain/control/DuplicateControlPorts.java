package org.dedup.domain.control;

import org.dedup.domain.activity.NoteSink;
import org.dedup.domain.activity.TaskSink;
import org.dedup.domain.merge.MergeJournal;
import org.dedup.domain.merge.MergePorts;
import org.dedup.domain.model.Require;
import org.dedup.domain.search.NotDuplicateStore;
import org.dedup.domain.store.KeyLocks;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SettingsStore;
import org.dedup.domain.store.Transactor;

/** The outbound ports duplicate control and merging work through; marked pairs are never merged. */
public record DuplicateControlPorts(LeadRepository leads, SettingsStore settings, DecisionLog decisions,
                                    MergeJournal journal, TaskSink tasks, NoteSink notes, Transactor transactor,
                                    KeyLocks keyLocks, NotDuplicateStore notDuplicates) {
    public DuplicateControlPorts {
        Require.nonNull(leads, "lead repository");
        Require.nonNull(settings, "settings store");
        Require.nonNull(decisions, "decision log");
        Require.nonNull(journal, "merge journal");
        Require.nonNull(tasks, "task sink");
        Require.nonNull(notes, "note sink");
        Require.nonNull(transactor, "transactor");
        Require.nonNull(keyLocks, "key locks");
        Require.nonNull(notDuplicates, "not-duplicate store");
    }

    /** The ports among these that a merge works through. */
    public MergePorts merging() {
        return new MergePorts(leads, settings, journal, tasks, notes, transactor, notDuplicates);
    }
}
