package org.dedup.app.http;

import com.google.inject.Inject;

import org.dedup.app.schedule.ScanSchedules;
import org.dedup.domain.audit.AuditLog;
import org.dedup.domain.audit.Audited;
import org.dedup.domain.control.DuplicateControl;
import org.dedup.domain.control.SettingsDryRun;
import org.dedup.domain.control.TenantSettings;
import org.dedup.domain.event.Webhooks;
import org.dedup.domain.match.InstalledMatchers;
import org.dedup.domain.merge.ManualMerge;
import org.dedup.domain.merge.Unmerger;
import org.dedup.domain.party.Parties;
import org.dedup.domain.review.RecordMerges;
import org.dedup.domain.review.ReviewQueue;
import org.dedup.domain.search.BulkScans;
import org.dedup.domain.search.DuplicateSearch;
import org.dedup.domain.standardize.Standardizer;
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SettingsStore;
import org.dedup.domain.store.Transactor;
import org.dedup.persistence.Database;

/**
 * The domain services the HTTP API calls, the tenants' scan schedules, the installed matchers (for /health), the
 * standardizer emails are checked by, the database (for readiness and the pool's metrics) and labelling.
 */
public record ApiServices(DuplicateControl control, DuplicateSearch search, ManualMerge manualMerge,
                          Unmerger unmerger, LeadRepository leads, SettingsStore settings, Parties parties,
                          TenantSettings tenantSettings, BulkScans scans,
                          ScanSchedules schedules, RecordMerges merges, ReviewQueue review,
                          SettingsDryRun settingsDryRun, Audited audited, AuditLog audit,
                          Webhooks webhooks, InstalledMatchers matchers, Standardizer standardizer,
                          Transactor transactor, Database database, LabelService labels) {
    /** Guice builds it from the application's bindings (the composition root binds the schedules and database). */
    @Inject
    public ApiServices {
    }
}
