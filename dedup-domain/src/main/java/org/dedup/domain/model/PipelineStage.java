package org.dedup.domain.model;

import java.io.Serializable;

/**
 * Where a lead sits in the sales process. {@code incomingLeads} marks the "Incoming leads" stage, the only
 * stage in which the BIG DATA method may merge.
 */
public record PipelineStage(String pipeline, String stage, boolean incomingLeads) implements Serializable {
    public PipelineStage {
        Require.maxLength(Require.nonBlank(pipeline, "pipeline"), 128, "pipeline");
        Require.maxLength(Require.nonBlank(stage, "stage"), 128, "stage");
    }

    public static PipelineStage incoming(String pipeline) {
        return new PipelineStage(pipeline, "incoming", true);
    }

    public static PipelineStage of(String pipeline, String stage) {
        return new PipelineStage(pipeline, stage, false);
    }
}
