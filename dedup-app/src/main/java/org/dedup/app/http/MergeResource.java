package org.dedup.app.http;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.google.inject.Inject;

import org.dedup.domain.audit.AuditAction;
import org.dedup.domain.audit.Audited;
import org.dedup.domain.merge.AfterUnmerge;
import org.dedup.domain.merge.MergeId;
import org.dedup.domain.merge.MergeResult;
import org.dedup.domain.merge.UnmergeResult;
import org.dedup.domain.merge.Unmerger;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.party.Parties;
import org.dedup.domain.review.RecordMerges;

/**
 * {@code /v1/merges}: a manual merge of leads, its preview (nothing written), and the undo of any journaled merge of
 * leads, contacts or companies ({@code ?markNotDuplicate=false} leaves the restored records unmarked).
 */
final class MergeResource implements Resource {
    private final RecordMerges merges;
    private final Parties parties;
    private final Unmerger unmerger;
    private final Audited audited;

    @Inject
    MergeResource(RecordMerges merges, Parties parties, Unmerger unmerger, Audited audited) {
        this.merges = merges;
        this.parties = parties;
        this.unmerger = unmerger;
        this.audited = audited;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.post("/v1/merges", this::merge),
                Route.post("/v1/merges/preview", call -> MergePreviewView.of(merges.preview(
                        call.body(MergeRequest.class).toRequest(call.tenant())))),
                Route.post("/v1/merges/{id}/undo", this::undo));
    }

    private Map<String, Object> merge(Call call) throws IOException {
        Audited.Writer writer = call.writer();
        MergeRequest request = call.body(MergeRequest.class);
        MergeResult merged = audited.write(writer, AuditAction.MERGE,
                () -> merges.merge(request.toRequest(writer.tenant())), result -> result.merge().value().toString());
        return Map.of("merge", merged.merge().value(),
                "failures", merged.failures().stream().map(DecisionView::failure).toList());
    }

    private Object undo(Call call) {
        Audited.Writer writer = call.writer();
        AfterUnmerge remembered = call.query().flag("markNotDuplicate", true) ? AfterUnmerge.MARK_NOT_DUPLICATES
                : AfterUnmerge.LEAVE_UNMARKED;
        MergeId id = new MergeId(uuid(call.path("id")));
        return audited.write(writer, AuditAction.UNMERGE, () -> undo(writer.tenant(), id, remembered),
                result -> id.value().toString());
    }

    /** Undoes a lead, contact or company merge. */
    private Object undo(TenantId tenant, MergeId id, AfterUnmerge remembered) {
        Optional<Object> party = parties.unmerge(tenant, id, remembered).map(PartyResource::undone);
        if (party.isPresent()) {
            return party.get();
        }
        UnmergeResult undone = unmerger.unmerge(tenant, id, remembered);
        var entry = undone.undone();
        return Map.of("merge", entry.id().value(), "state", entry.state().name().toLowerCase(Locale.ROOT),
                "restored", entry.survivorBefore().id().value(),
                "markedNotDuplicate", remembered == AfterUnmerge.MARK_NOT_DUPLICATES,
                "failures", undone.failures().stream().map(DecisionView::failure).toList());
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(400, "merge id '" + text + "' is not a UUID");
        }
    }
}
