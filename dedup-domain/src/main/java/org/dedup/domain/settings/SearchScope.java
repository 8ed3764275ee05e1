package org.dedup.domain.settings;

import java.util.Map;
import java.util.Set;

import org.dedup.domain.model.PipelineStage;
import org.dedup.domain.model.Require;

/**
 * The pipelines and stages whose leads take part in duplicate control. An empty map means every pipeline; a
 * pipeline mapped to an empty set means every stage of it.
 */
public record SearchScope(Map<String, Set<String>> stagesByPipeline) {
    public SearchScope {
        Require.nonNull(stagesByPipeline, "search scope");
        stagesByPipeline = stagesByPipeline.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                e -> Require.nonBlank(e.getKey(), "scope pipeline"), e -> Set.copyOf(e.getValue())));
    }

    public static SearchScope everything() {
        return new SearchScope(Map.of());
    }

    public boolean includes(PipelineStage stage) {
        if (stagesByPipeline.isEmpty()) {
            return true;
        }
        Set<String> stages = stagesByPipeline.get(stage.pipeline());
        return stages != null && (stages.isEmpty() || stages.contains(stage.stage()));
    }
}
