package org.dedup.domain.audit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.dedup.domain.merge.MergeKind;
import org.dedup.domain.model.Require;
import org.dedup.domain.model.TenantId;

/**
 * What an administrator reads back: the merges with who made and who undid each, every decision with its
 * explanation, and every write with who made it. A merge duplicate control made on its own is by
 * {@link #DUPLICATE_CONTROL}.
 */
public final class AuditLog {
    public static final String DUPLICATE_CONTROL = "duplicate-control";
    private final MergeHistory merges;
    private final DecisionHistory decisions;
    private final AuditTrail trail;

    public AuditLog(MergeHistory merges, DecisionHistory decisions, AuditTrail trail) {
        this.merges = Require.nonNull(merges, "merge history");
        this.decisions = Require.nonNull(decisions, "decision history");
        this.trail = Require.nonNull(trail, "audit trail");
    }

    /** A merge, who made it, and the undo if it was undone by someone recorded. */
    public record AuditedMerge(MergeRecord merge, String by, Optional<AuditEvent> undo) {
    }

    /** A page of merges; one more than {@code query}'s limit tells that another page follows. */
    public List<AuditedMerge> merges(TenantId tenant, MergeHistory.Query query) {
        List<MergeRecord> page = merges.page(tenant, query);
        Map<String, List<AuditEvent>> events = trail.about(tenant, page.stream().map(m -> m.id().value().toString())
                .toList()).stream().collect(Collectors.groupingBy(AuditEvent::subject));
        return page.stream().map(merge -> {
            List<AuditEvent> about = events.getOrDefault(merge.id().value().toString(), List.of());
            String by = about.stream().filter(e -> e.action() == AuditAction.MERGE).map(AuditEvent::actor)
                    .findFirst().orElse(merge.kind() == MergeKind.DUPLICATE_CONTROL ? DUPLICATE_CONTROL : "unrecorded");
            return new AuditedMerge(merge, by, about.stream().filter(e -> e.action() == AuditAction.UNMERGE)
                    .findFirst());
        }).toList();
    }

    public List<DecisionHistory.Entry> decisions(TenantId tenant, DecisionHistory.Query query) {
        return decisions.page(tenant, query);
    }

    /** A page of the writes, newest first; one more than {@code query}'s limit tells that another page follows. */
    public List<AuditEvent> events(TenantId tenant, AuditTrail.Query query) {
        return trail.page(tenant, query);
    }
}
