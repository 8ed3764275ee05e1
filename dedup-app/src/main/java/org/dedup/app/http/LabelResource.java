package org.dedup.app.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.google.inject.Inject;

import org.dedup.domain.audit.AuditAction;
import org.dedup.domain.audit.Audited;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.search.PairAnswer;
import org.dedup.domain.search.RecordPair;
import org.dedup.ml.matcher.TenantLabels;
import org.dedup.ml.record.Attribute;
import org.dedup.ml.record.PersonRecord;

/**
 * {@code /v1/labels}: active labelling of the tenant's pairs for its BIG DATA model. {@code GET /v1/labels/next}
 * gives the pair the model (refitted on the answers so far) is least sure of, both records and the pair's
 * explanation; {@code POST /v1/labels} stores an answer (match, not_a_match, unsure) as the tenant's label.
 */
final class LabelResource implements Resource {
    static final String PATH = "/v1/labels";
    private final LabelService labels;
    private final Audited audited;

    @Inject
    LabelResource(LabelService labels, Audited audited) {
        this.labels = labels;
        this.audited = audited;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get(PATH + "/next", call -> next(call.tenant())),
                Route.post(PATH, call -> {
                    LabelRequest request = call.body(LabelRequest.class);
                    RecordPair pair = request.pair();
                    PairAnswer answer = request.pairAnswer();
                    return audited.write(call.writer(), AuditAction.LABEL, () -> answer(call.tenant(), pair, answer),
                            result -> pair.toString());
                }));
    }

    private Object next(TenantId tenant) {
        Optional<TenantLabels.Next> next = labels.next(tenant);
        TenantLabels.Progress progress = labels.progress(tenant);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("done", next.isEmpty());
        next.ifPresent(pair -> {
            view.put("first", record(pair.first()));
            view.put("second", record(pair.second()));
            view.put("probability", pair.probability());
            view.put("explanation", pair.explanation().stream().map(GroupView.LineView::of).toList());
        });
        view.put("progress", progress(progress));
        return view;
    }

    private Object answer(TenantId tenant, RecordPair pair, PairAnswer answer) {
        labels.answer(tenant, pair, answer);
        return Map.of("stored", true, "progress", progress(labels.progress(tenant)));
    }

    private static Map<String, Object> progress(TenantLabels.Progress progress) {
        return Map.of("labels", progress.labels(), "candidates", progress.candidates());
    }

    private static Map<String, Object> record(TenantLabels.Shown shown) {
        PersonRecord record = shown.record();
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<Attribute, String> value : record.values().entrySet()) {
            values.put(value.getKey().key(), value.getValue());
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", shown.ref().kind().name().toLowerCase(Locale.ROOT));
        view.put("id", shown.ref().value());
        view.put("values", values);
        view.put("emails", record.emails().stream().sorted().toList());
        view.put("phones", record.phones().stream().sorted().toList());
        return view;
    }
}
