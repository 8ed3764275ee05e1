package org.dedup.domain.settings;

import java.time.Duration;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Require;

/** Whether a task is created in each lead found after duplicate control merged into it. */
public sealed interface AfterMerge {
    record NoTask() implements AfterMerge {
    }

    record CreateTask(String text, Duration dueIn, String responsible) implements AfterMerge {
        /** The latest a task may fall due after its merge; a due time beyond what a clock can hold failed merges. */
        public static final Duration MAX_DUE_IN = Duration.ofDays(365);

        public CreateTask {
            Require.maxLength(Require.nonBlank(text, "task text"), 2_000, "task text");
            Require.nonNull(dueIn, "task due offset");
            if (dueIn.isNegative() || dueIn.compareTo(MAX_DUE_IN) > 0) {
                throw new InvalidRecordException("task due offset must be between 0 and " + MAX_DUE_IN.toDays()
                        + " days, was " + dueIn);
            }
            Require.maxLength(Require.nonBlank(responsible, "task responsible"), 128, "task responsible");
        }
    }

    static AfterMerge noTask() {
        return new NoTask();
    }
}
