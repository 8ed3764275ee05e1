package org.dedup.app.http;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.inject.Inject;

import org.dedup.app.config.SettingsDocument;
import org.dedup.domain.audit.AuditAction;
import org.dedup.domain.audit.Audited;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.control.SettingsDryRun;
import org.dedup.domain.control.TenantSettings;
import org.dedup.domain.index.IndexJob;
import org.dedup.domain.index.IndexState;
import org.dedup.domain.index.LeadIndexing;
import org.dedup.domain.model.TenantId;
import org.dedup.domain.settings.MatchMethod;
import org.dedup.domain.search.DuplicateSearch;
import org.dedup.domain.store.SettingsStore;

/**
 * A tenant's duplicate-control settings and duplicate rules ({@code /v1/settings}, {@code /v1/rules}), each with its
 * dry run (what the change would have done, nothing written), and its generic keys.
 */
final class SettingsResource implements Resource {
    private static final int GENERIC_KEYS_LISTED = 100;
    private final TenantSettings settings;
    private final SettingsStore store;
    private final SettingsDryRun settingsDryRun;
    private final DuplicateSearch search;
    private final DuplicateControl control;
    private final Audited audited;
    private final LeadIndexing indexing;

    @Inject
    SettingsResource(TenantSettings settings, SettingsStore store, SettingsDryRun settingsDryRun,
                     DuplicateSearch search, DuplicateControl control, Audited audited, LeadIndexing indexing) {
        this.indexing = indexing;
        this.settings = settings;
        this.store = store;
        this.settingsDryRun = settingsDryRun;
        this.search = search;
        this.control = control;
        this.audited = audited;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/v1/rules", call -> rules(call.tenant())),
                Route.put("/v1/rules", this::saveRules),
                Route.post("/v1/rules/dry-run", this::rulesDryRun),
                Route.get("/v1/settings", call -> SettingsDocument.of(settings.settings(call.tenant()))),
                Route.put("/v1/settings", this::saveSettings),
                Route.get("/v1/settings/indexing", call -> indexing(call.tenant())),
                Route.post("/v1/settings/dry-run", this::settingsDryRun),
                Route.get("/v1/generic-keys", call -> Map.of("keys", control.genericKeys(call.tenant(),
                        GENERIC_KEYS_LISTED).stream().map(k -> Map.of("namespace", k.key().namespace(),
                        "value", k.key().value(), "leads", k.leads())).toList())));
    }

    private List<RuleDto> rules(TenantId tenant) {
        return search.rules(tenant).stream().map(RuleDto::of).toList();
    }

    private List<RuleDto> saveRules(Call call) throws IOException {
        Audited.Writer writer = call.writer();
        RuleDto[] rules = call.body(RuleDto[].class);
        audited.write(writer, AuditAction.RULES, () -> {
            store.saveRules(writer.tenant(), Arrays.stream(rules).map(RuleDto::toRule).toList());
            return rules;
        }, result -> "rules");
        return rules(writer.tenant());
    }

    private Object rulesDryRun(Call call) throws IOException {
        TenantId tenant = call.tenant();
        int samples = samples(call);
        RuleDto[] rules = call.body(RuleDto[].class);
        return DryRunViews.rules(search.dryRun(tenant, Arrays.stream(rules).map(RuleDto::toRule).toList()), samples);
    }

    private SettingsDocument saveSettings(Call call) throws IOException {
        Audited.Writer writer = call.writer();
        SettingsDocument document = call.body(SettingsDocument.class);
        audited.write(writer, AuditAction.SETTINGS, () -> {
            settings.save(writer.tenant(), document.toSettings());
            return document;
        }, result -> "settings");
        return SettingsDocument.of(settings.settings(writer.tenant()));
    }

    private Object settingsDryRun(Call call) throws IOException {
        TenantId tenant = call.tenant();
        int samples = samples(call);
        return DryRunViews.settings(settingsDryRun.run(tenant, call.body(SettingsDocument.class).toSettings(),
                samples));
    }

    /** Each method the settings enable: indexed, or being indexed with its progress. */
    private Map<String, Object> indexing(TenantId tenant) {
        Map<MatchMethod, IndexJob> jobs = new HashMap<>();
        indexing.jobs(tenant).forEach(job -> jobs.put(job.method(), job));
        List<Map<String, Object>> methods = settings.settings(tenant).methods().stream()
                .sorted(Comparator.comparing(MatchMethod::id)).map(method -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("method", method.id());
                    IndexJob job = jobs.get(method);
                    view.put("state", job == null || job.state() == IndexState.INDEXED ? "indexed" : "indexing");
                    if (job != null) {
                        view.put("leadsIndexed", job.leadsIndexed());
                        view.put("leadsTotal", job.leadsTotal());
                        view.put("startedAt", job.startedAt().toString());
                        job.finishedAt().ifPresent(at -> view.put("finishedAt", at.toString()));
                    }
                    return view;
                }).toList();
        return Map.of("methods", methods);
    }

    private static int samples(Call call) {
        return call.query().number("samples", DryRunViews.DEFAULT_SAMPLES, DryRunViews.MAX_SAMPLES);
    }
}
