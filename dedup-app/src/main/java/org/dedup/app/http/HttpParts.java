package org.dedup.app.http;

import java.util.List;

import com.google.inject.Inject;

import org.dedup.core.arrivals.ArrivalQueue;

/**
 * What an {@link HttpApi} is made of, constructed by Guice ({@link HttpModule}): its resources in the order of the
 * route table, and the parts it runs and closes.
 */
public final class HttpParts {
    final List<Resource> resources;
    final ArrivalQueue arrivals;
    final ApiMetrics metrics;
    final ScanJobs scans;
    final JsonBodies json;
    final WarmUp warmUp;

    @Inject
    HttpParts(SystemResource system, LeadResource leads, PartyResource parties, MergeResource merges,
              ReviewResource review, AuditResource audit, ScanJobs scans, GroupResource groups,
              NotDuplicateResource notDuplicates, LabelResource labels, SettingsResource settings,
              ScheduleResource schedules, MatcherResource matchers, WebhookResource webhooks, ArrivalQueue arrivals,
              ApiMetrics metrics, JsonBodies json, WarmUp warmUp) {
        this.resources = List.of(system, leads, parties, merges, review, audit, scans, groups, notDuplicates,
                labels, settings, schedules, matchers, webhooks);
        this.arrivals = arrivals;
        this.metrics = metrics;
        this.scans = scans;
        this.json = json;
        this.warmUp = warmUp;
    }
}
