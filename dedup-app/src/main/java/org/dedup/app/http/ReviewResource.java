package org.dedup.app.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.google.inject.Inject;

import org.dedup.domain.audit.Audited;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.review.ReviewCursor;
import org.dedup.domain.review.ReviewFilter;
import org.dedup.domain.review.ReviewItem;
import org.dedup.domain.review.ReviewQueue;
import org.dedup.domain.review.ReviewSource;
import org.dedup.domain.review.ReviewState;
import org.dedup.domain.review.ReviewStatus;

/**
 * {@code /v1/review}: the review queue a page at a time (GET, {@code ?status=&source=&limit=&after=}), one item
 * (GET {@code /v1/review/{id}}), and its actions (POST {@code /v1/review/{id}/merge}, {@code /not-duplicate},
 * {@code /dismiss}; an {@code If-Match} revision other than the item's, or of an item whose records changed since, is
 * refused with 412 Precondition Failed).
 */
final class ReviewResource implements Resource {
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 500;
    private final ReviewQueue queue;

    @Inject
    ReviewResource(ReviewQueue queue) {
        this.queue = queue;
    }

    /** The body of a review merge; every member may be left out (all records, the first survives, newest). */
    record MergeBody(List<UUID> records, UUID survivor, Map<String, UUID> choices, String rule) {
        ReviewQueue.MergeChoice choice() {
            return new ReviewQueue.MergeChoice(records == null ? List.of() : MergeRequest.records(records), survivor,
                    MergeRequest.choices(choices), rule == null ? "" : rule);
        }
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/v1/review", call -> list(call.tenant(), call.query())),
                Route.get("/v1/review/{id}", this::show),
                Route.post("/v1/review/{id}/merge", call -> act(call, "merge")),
                Route.post("/v1/review/{id}/not-duplicate", call -> act(call, "not-duplicate")),
                Route.post("/v1/review/{id}/dismiss", call -> act(call, "dismiss")));
    }

    private Tagged show(Call call) {
        ReviewItem item = queue.show(call.tenant(), itemId(call.path("id")));
        return new Tagged(view(item), item.revision());
    }

    private Map<String, Object> act(Call call, String action) throws IOException {
        Audited.Writer writer = call.writer();
        ReviewQueue.Action act = new ReviewQueue.Action(writer.tenant(), itemId(call.path("id")), writer.actor(),
                call.header("If-Match").map(EntityTags::version).orElse(0L));
        return view(switch (action) {
            case "merge" -> queue.merge(act, call.body(MergeBody.class).choice());
            case "not-duplicate" -> queue.notDuplicate(act);
            default -> queue.dismiss(act);
        });
    }

    private Map<String, Object> list(TenantId tenant, QueryParameters query) {
        int limit = query.number("limit", DEFAULT_PAGE, MAX_PAGE);
        Optional<ReviewCursor> after = query.get(Cursors.PARAMETER).map(Cursors::decode)
                .map(p -> new ReviewCursor(p.at(), p.id()));
        ReviewFilter filter = new ReviewFilter(statuses(query), query.constants("source", ReviewSource.class));
        ReviewQueue.Page page = queue.list(tenant, filter, after, limit);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("items", page.items().stream().map(ReviewResource::view).toList());
        view.put("next", page.next().map(c -> Cursors.encode(c.openedAt(), c.id())).orElse(null));
        return view;
    }

    private static Set<ReviewStatus> statuses(QueryParameters query) {
        if (query.get("status").filter("all"::equals).isPresent()) {
            return Set.of();
        }
        Set<ReviewStatus> statuses = query.constants("status", ReviewStatus.class);
        return statuses.isEmpty() ? Set.of(ReviewStatus.OPEN) : statuses;
    }

    static Map<String, Object> view(ReviewItem item) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", item.id());
        view.put("source", lower(item.source()));
        view.put("status", lower(item.state().status()));
        view.put("openedAt", item.openedAt());
        view.put("revision", item.revision());
        List<Map<String, Object>> records = new ArrayList<>();
        for (RecordRef ref : item.records()) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("kind", lower(ref.kind()));
            record.put("id", ref.value());
            record.put("record", item.seen().find(ref).orElse(null));
            records.add(record);
        }
        view.put("records", records);
        view.put("pairs", item.pairs().stream().map(p -> Map.of("first", Reference.of(p.first()),
                "second", Reference.of(p.match().record()), "match", DecisionView.candidate(p.match()))).toList());
        Optional<ReviewState.Resolved> resolved = item.state() instanceof ReviewState.Resolved r ? Optional.of(r)
                : Optional.empty();
        view.put("resolvedAt", resolved.map(ReviewState.Resolved::at).orElse(null));
        view.put("resolvedBy", resolved.map(ReviewState.Resolved::by).orElse(null));
        view.put("detail", resolved.map(ReviewState.Resolved::detail).orElse(null));
        return view;
    }

    private static UUID itemId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(400, "review item id '" + text + "' is not a UUID");
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
