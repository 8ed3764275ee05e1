package org.dedup.app.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.google.inject.Inject;

import org.dedup.domain.audit.AuditAction;
import org.dedup.domain.audit.Audited;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.DuplicateSearch;
import org.dedup.domain.search.RecordPair;

/**
 * {@code /v1/not-duplicates}: marks a pair (POST), removes a mark (DELETE, same body), lists the tenant's marks a
 * page at a time (GET {@code ?limit=&after=}, {@code after} being the {@code next} cursor of the previous page).
 */
final class NotDuplicateResource implements Resource {
    static final String PATH = "/v1/not-duplicates";
    private static final int DEFAULT_PAGE = 100;
    private static final int MAX_PAGE = 1_000;
    private final DuplicateSearch search;

    private final Audited audited;

    @Inject
    NotDuplicateResource(DuplicateSearch search, Audited audited) {
        this.search = search;
        this.audited = audited;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get(PATH, call -> list(call.tenant(), call.query())),
                Route.post(PATH, call -> {
                    NotDuplicateRequest marked = call.body(NotDuplicateRequest.class);
                    return audited(call, AuditAction.MARK, marked, () -> mark(call.tenant(), marked));
                }),
                Route.delete(PATH, call -> {
                    NotDuplicateRequest unmarked = call.body(NotDuplicateRequest.class);
                    return audited(call, AuditAction.UNMARK, unmarked, () -> remove(call.tenant(), unmarked));
                }));
    }

    private Object audited(Call call, AuditAction action, NotDuplicateRequest request, Supplier<Object> write) {
        String subject = request.pair().toString();
        return audited.write(call.writer(), action, write, result -> subject);
    }

    private Object mark(TenantId tenant, NotDuplicateRequest request) {
        search.markNotDuplicate(tenant, request.pair());
        return Map.of("marked", true);
    }

    private Object remove(TenantId tenant, NotDuplicateRequest request) {
        search.removeNotDuplicateMark(tenant, request.pair());
        return Map.of("removed", true);
    }

    private Object list(TenantId tenant, QueryParameters query) {
        int limit = query.number("limit", DEFAULT_PAGE, MAX_PAGE);
        Optional<RecordPair> after = query.get("after").map(NotDuplicateResource::cursor);
        List<RecordPair> pairs = search.notDuplicateMarks(tenant, after, limit + 1);
        List<RecordPair> page = pairs.subList(0, Math.min(limit, pairs.size()));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("marks", page.stream().map(pair -> Map.of("first", Reference.of(pair.first()), "second",
                Reference.of(pair.second()))).toList());
        view.put("next", pairs.size() > limit ? cursor(page.getLast()) : null);
        return view;
    }

    /** An opaque cursor: the pair a page ended with. */
    private static String cursor(RecordPair last) {
        String text = last.first().kind() + ":" + last.first().value() + "," + last.second().kind() + ":"
                + last.second().value();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static RecordPair cursor(String text) {
        try {
            String[] records = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(",");
            return new RecordPair(ref(records[0]), ref(records[1]));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new HttpProblem(400, "'after' is not a cursor this API returned as 'next'");
        }
    }

    private static RecordRef ref(String text) {
        int colon = text.indexOf(':');
        return RecordRef.of(RecordKind.valueOf(text.substring(0, colon)), UUID.fromString(text.substring(colon + 1)));
    }
}
