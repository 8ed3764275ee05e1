package org.dedup.domain.control;

import java.time.Duration;

import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.Require;

/** Whether a task is created in each lead found after duplicate control merged into it. */
public sealed interface AfterMerge {
    record NoTask() implements AfterMerge {
    }

    record CreateTask(String text, Duration dueIn, String responsible) implements AfterMerge {
        public CreateTask {
            Require.maxLength(Require.nonBlank(text, "task text"), 2_000, "task text");
            Require.nonNull(dueIn, "task due offset");
            if (dueIn.isNegative()) {
                throw new InvalidRecordException("task due offset must not be negative, was " + dueIn);
            }
            Require.maxLength(Require.nonBlank(responsible, "task responsible"), 128, "task responsible");
        }
    }

    static AfterMerge noTask() {
        return new NoTask();
    }
}
