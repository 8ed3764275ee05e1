package org.dedup.app.http;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.google.inject.Inject;

import org.dedup.domain.audit.AuditAction;
import org.dedup.domain.audit.AuditEvent;
import org.dedup.domain.audit.AuditLog;
import org.dedup.domain.audit.AuditTrail;
import org.dedup.domain.audit.DecisionHistory;
import org.dedup.domain.audit.MergeHistory;
import org.dedup.domain.audit.Position;
import org.dedup.domain.audit.TimePage;
import org.dedup.domain.control.Decision;
import org.dedup.domain.merge.MergeKind;
import org.dedup.domain.merge.MergeState;
import org.dedup.domain.model.InvalidRecordException;
import org.dedup.domain.model.LeadId;
import org.dedup.domain.model.RecordKind;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.MatchMethod;

/**
 * The audit: {@code GET /v1/merges} (the journal of lead, contact or company merges with who made and undid each),
 * {@code GET /v1/decisions} (every decision with its explanation and who sent its request) and {@code GET /v1/audit}
 * (every other write with who made it), newest first, a page at a time, filtered.
 */
final class AuditResource implements Resource {
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 500;
    private static final Map<String, Class<? extends Decision>> OUTCOMES = Map.of(
            "created", Decision.Created.class, "merged", Decision.Merged.class,
            "skipped_too_many_matches", Decision.SkippedTooManyMatches.class,
            "pending_review", Decision.PendingReview.class, "updated", Decision.Updated.class);
    private final AuditLog audit;

    @Inject
    AuditResource(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/v1/merges", call -> merges(call.tenant(), call.query())),
                Route.get("/v1/decisions", call -> decisions(call.tenant(), call.query())),
                Route.get("/v1/audit", call -> events(call.tenant(), call.query())));
    }

    private Map<String, Object> merges(TenantId tenant, QueryParameters query) {
        TimePage page = page(query, "from", "to");
        MergeHistory.Query filter = new MergeHistory.Query(
                one(query, "kind", RecordKind.class).orElse(RecordKind.LEAD),
                query.get("survivor").map(id -> uuid(id, "survivor")),
                one(query, "state", MergeState.class), one(query, "method", MergeKind.class), page.oneMore());
        List<AuditLog.AuditedMerge> found = audit.merges(tenant, filter);
        List<AuditLog.AuditedMerge> shown = found.subList(0, Math.min(page.limit(), found.size()));
        return listed("merges", shown.stream().map(AuditResource::merge).toList(), found.size() > page.limit()
                ? Optional.of(shown.getLast().merge().position()) : Optional.empty());
    }

    private Map<String, Object> decisions(TenantId tenant, QueryParameters query) {
        TimePage page = page(query, "from", "to");
        Set<Class<? extends Decision>> outcomes = query.get("outcome").map(text -> Arrays.stream(text.split(","))
                .map(String::strip).<Class<? extends Decision>>map(name -> Optional.ofNullable(OUTCOMES.get(name))
                        .orElseThrow(() -> new HttpProblem(400, "query parameter 'outcome' has an unknown value '"
                                + name + "'; one of " + OUTCOMES.keySet().stream().sorted().toList())))
                .collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
        Set<MatchMethod> methods = query.get("method").map(text -> Arrays.stream(text.split(","))
                .map(String::strip).map(AuditResource::method).collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
        DecisionHistory.Query filter = new DecisionHistory.Query(
                query.get("lead").map(id -> new LeadId(uuid(id, "lead"))), outcomes, methods, page.oneMore());
        List<DecisionHistory.Entry> found = audit.decisions(tenant, filter);
        List<DecisionHistory.Entry> shown = found.subList(0, Math.min(page.limit(), found.size()));
        return listed("decisions", shown.stream().map(AuditResource::decision).toList(),
                found.size() > page.limit() ? Optional.of(shown.getLast().position()) : Optional.empty());
    }

    private Map<String, Object> events(TenantId tenant, QueryParameters query) {
        TimePage page = page(query, "since", "until");
        AuditTrail.Query filter = new AuditTrail.Query(query.get("actor").map(a -> nonBlank(a, "actor")),
                query.constants("action", AuditAction.class), query.get("subject").map(s -> nonBlank(s, "subject")),
                page.oneMore());
        List<AuditEvent> found = audit.events(tenant, filter);
        List<AuditEvent> shown = found.subList(0, Math.min(page.limit(), found.size()));
        return listed("events", shown.stream().map(AuditResource::event).toList(), found.size() > page.limit()
                ? Optional.of(shown.getLast().position()) : Optional.empty());
    }

    private static Map<String, Object> listed(String name, List<Map<String, Object>> items, Optional<Position> next) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put(name, items);
        view.put("next", next.map(p -> Cursors.encode(p.at(), p.id())).orElse(null));
        return view;
    }

    private static Map<String, Object> merge(AuditLog.AuditedMerge audited) {
        var merge = audited.merge();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", merge.id().value());
        view.put("kind", lower(merge.records()));
        view.put("method", lower(merge.kind()));
        view.put("at", merge.at());
        view.put("by", audited.by());
        view.put("state", lower(merge.state()));
        view.put("undone", merge.state() == MergeState.UNDONE);
        view.put("undoneBy", audited.undo().map(AuditEvent::actor).orElse(null));
        view.put("undoneAt", audited.undo().map(AuditEvent::at).orElse(null));
        view.put("survivor", merge.survivor().value());
        view.put("before", merge.before());
        view.put("after", merge.after());
        view.put("provenance", merge.provenance().stream().map(MergePreviewView.FieldView::of).toList());
        return view;
    }

    private static Map<String, Object> decision(DecisionHistory.Entry entry) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", entry.id());
        view.put("at", entry.at());
        view.put("by", entry.actor().orElse(null));
        view.put("decision", DecisionView.of(entry.decision()));
        return view;
    }

    private static Map<String, Object> event(AuditEvent event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", event.id());
        view.put("at", event.at());
        view.put("actor", event.actor());
        view.put("action", event.action().id());
        view.put("subject", event.subject());
        return view;
    }

    private static String nonBlank(String value, String name) {
        if (value.isBlank()) {
            throw new HttpProblem(400, "query parameter '" + name + "' is empty; leave it out to list every "
                    + name);
        }
        return value;
    }

    private static MatchMethod method(String id) {
        try {
            return new MatchMethod(id);
        } catch (InvalidRecordException e) {
            throw new HttpProblem(400, "query parameter 'method' has a value that is no method id: "
                    + e.getMessage());
        }
    }

    /** The page of {@code limit} and {@code after} between the times of parameters {@code start} and {@code end}. */
    private static TimePage page(QueryParameters query, String start, String end) {
        int limit = query.number("limit", DEFAULT_PAGE, MAX_PAGE);
        Instant from = query.get(start).map(t -> instant(t, start)).orElse(Instant.EPOCH);
        Instant to = query.get(end).map(t -> instant(t, end)).orElse(TimePage.END);
        if (!from.isBefore(to)) {
            throw new HttpProblem(400, "the time range is empty: " + start + " " + from + " is not before " + end
                    + " " + to);
        }
        Optional<Position> after = query.get(Cursors.PARAMETER).map(Cursors::decode)
                .map(p -> new Position(p.at(), p.id()));
        return new TimePage(from, to, after, limit);
    }

    /** One lower-case constant of {@code type}; an unknown one is a 400 naming the parameter and the known ones. */
    private static <E extends Enum<E>> Optional<E> one(QueryParameters query, String name, Class<E> type) {
        Function<String, E> parse = value -> Arrays.stream(type.getEnumConstants())
                .filter(c -> lower(c).equals(value.strip())).findFirst()
                .orElseThrow(() -> new HttpProblem(400, "query parameter '" + name + "' has an unknown value '"
                        + value + "'; one of " + Arrays.stream(type.getEnumConstants()).map(AuditResource::lower)
                        .toList()));
        return query.get(name).map(parse);
    }

    private static Instant instant(String text, String name) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new HttpProblem(400, "query parameter '" + name + "' must be an ISO-8601 time such as "
                    + "2026-12-03T05:00:00Z, was '" + text + "'");
        }
    }

    private static UUID uuid(String text, String name) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(400, "query parameter '" + name + "' is not a UUID: '" + text + "'");
        }
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
