package org.dedup.app.http;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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
 * {@code /dismiss}; an {@code If-Match} revision other than the item's is refused with 409).
 */
final class ReviewResource {
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 500;
    private static final Pattern PATH = Pattern.compile("/v1/review(?:/([^/]+)(?:/(merge|not-duplicate|dismiss))?)?");
    private final ReviewQueue queue;

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

    /** Who asks, and what they sent beside the path. */
    record Call(Audited.Writer writer, QueryParameters query, Optional<String> ifMatch, PartyResource.Body body) {
        TenantId tenant() {
            return writer.tenant();
        }
    }

    static boolean handles(String path) {
        return PATH.matcher(path).matches();
    }

    Object route(String method, String path, Call call) throws IOException {
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches()) {
            throw new HttpProblem(404, "no such endpoint: " + method + " " + path);
        }
        String id = matcher.group(1);
        String action = matcher.group(2);
        if (id == null && method.equals("GET")) {
            return list(call.tenant(), call.query());
        }
        if (id != null && action == null && method.equals("GET")) {
            return view(queue.show(call.tenant(), itemId(id)));
        }
        if (action != null && method.equals("POST")) {
            ReviewQueue.Action act = new ReviewQueue.Action(call.tenant(), itemId(id), call.writer().actor(),
                    call.ifMatch().map(ReviewResource::revision).orElse(0L));
            return view(switch (action) {
                case "merge" -> queue.merge(act, call.body().as(MergeBody.class).choice());
                case "not-duplicate" -> queue.notDuplicate(act);
                default -> queue.dismiss(act);
            });
        }
        throw new HttpProblem(405, method + " is not allowed on " + path);
    }

    private Map<String, Object> list(TenantId tenant, QueryParameters query) {
        int limit = query.number("limit", DEFAULT_PAGE, MAX_PAGE);
        Optional<ReviewCursor> after = query.get(Cursors.PARAMETER).map(Cursors::decode)
                .map(p -> new ReviewCursor(p.at(), p.id()));
        ReviewFilter filter = new ReviewFilter(statuses(query), values(query, "source", ReviewSource.class));
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
        Set<ReviewStatus> statuses = values(query, "status", ReviewStatus.class);
        return statuses.isEmpty() ? Set.of(ReviewStatus.OPEN) : statuses;
    }

    /** A comma-separated list of lower-case constants of {@code type}; an unknown one is a 400 naming it. */
    private static <E extends Enum<E>> Set<E> values(QueryParameters query, String name, Class<E> type) {
        return query.get(name).map(text -> Arrays.stream(text.split(",")).map(value -> Arrays.stream(
                type.getEnumConstants()).filter(c -> lower(c).equals(value.strip())).findFirst().orElseThrow(
                        () -> new HttpProblem(400, "query parameter '" + name + "' has an unknown value '" + value
                                + "'; one of " + Arrays.stream(type.getEnumConstants()).map(ReviewResource::lower)
                                .toList()))).collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
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

    private static long revision(String ifMatch) {
        try {
            return Long.parseLong(ifMatch.strip().replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new HttpProblem(400, "If-Match must be the review item's revision, was '" + ifMatch + "'");
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
