package org.dedup.app.http;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.dedup.domain.control.SettingsDryRun;
import org.dedup.domain.search.BulkSearchResult;

/** The answers of POST /v1/settings/dry-run and /v1/rules/dry-run: counts, and samples at most as many as asked. */
final class DryRunViews {
    static final int DEFAULT_SAMPLES = 10;
    static final int MAX_SAMPLES = 100;

    private DryRunViews() {
    }

    static Map<String, Object> settings(SettingsDryRun.Report report) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("leadsChecked", report.leadsChecked());
        view.put("wouldMerge", report.wouldMerge());
        view.put("byMethod", report.byMethod());
        view.put("wouldSkipOverLimit", report.wouldSkipOverLimit());
        view.put("keptNewByPolicy", report.keptNewByPolicy());
        view.put("pendingReview", report.pendingReview());
        view.put("samples", report.samples().stream().map(s -> Map.of("lead", s.lead().value(),
                "into", s.into().stream().map(id -> id.value()).toList(), "method", s.method(),
                "timing", s.timing().name().toLowerCase(Locale.ROOT),
                "candidates", s.candidates().stream().map(DecisionView::candidate).toList())).toList());
        view.put("failures", report.failures().stream().map(DecisionView::failure).toList());
        return view;
    }

    static Map<String, Object> rules(BulkSearchResult result, int samples) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("records", result.records());
        view.put("pairsCompared", result.pairsCompared());
        view.put("allPairs", result.allPairs());
        view.put("groups", result.groups().size());
        view.put("recordsInGroups", result.groups().stream().mapToInt(g -> g.members().size()).sum());
        view.put("samples", result.groups().stream().limit(samples).map(GroupView::of).toList());
        view.put("oversizedBlocks", result.oversizedBlocks());
        return view;
    }
}
