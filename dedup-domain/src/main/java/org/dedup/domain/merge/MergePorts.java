package org.dedup.domain.merge;

import org.dedup.domain.activity.NoteSink;
import org.dedup.domain.activity.TaskSink;
import org.dedup.domain.model.Require;
import org.dedup.domain.search.NotDuplicateStore;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SettingsStore;
import org.dedup.domain.store.Transactor;

/** The outbound ports merging and unmerging work through; marked pairs follow the survivor. */
public record MergePorts(LeadRepository leads, SettingsStore settings, MergeJournal journal, TaskSink tasks,
                         NoteSink notes, Transactor transactor, NotDuplicateStore notDuplicates) {
    public MergePorts {
        Require.nonNull(leads, "lead repository");
        Require.nonNull(settings, "settings store");
        Require.nonNull(journal, "merge journal");
        Require.nonNull(tasks, "task sink");
        Require.nonNull(notes, "note sink");
        Require.nonNull(transactor, "transactor");
        Require.nonNull(notDuplicates, "not-duplicate store");
    }
}
