package org.dedup.app.http;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.google.inject.Inject;

import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.DuplicateGroup;
import org.dedup.domain.search.DuplicateSearch;

/** {@code GET /v1/groups}: a page of the latest bulk search's groups ({@code ?limit=&after=}), in the order of their ids. */
final class GroupResource implements Resource {
    private static final int GROUPS_PAGE = 100;
    private static final int MAX_GROUPS_PAGE = 1_000;
    private final DuplicateSearch search;

    @Inject
    GroupResource(DuplicateSearch search) {
        this.search = search;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/v1/groups", call -> groups(call.tenant(), call.query())));
    }

    private Map<String, Object> groups(TenantId tenant, QueryParameters query) {
        int limit = query.number("limit", GROUPS_PAGE, MAX_GROUPS_PAGE);
        Optional<UUID> after = query.get(Cursors.PARAMETER).map(Cursors::decode).map(Cursors.Position::id);
        List<DuplicateGroup> groups = search.groups(tenant, after, limit + 1);
        List<DuplicateGroup> page = groups.subList(0, Math.min(limit, groups.size()));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("groups", page.stream().map(GroupView::of).toList());
        view.put("next", groups.size() > limit ? Cursors.encode(Instant.EPOCH, page.getLast().id()) : null);
        return view;
    }
}
