package org.dedup.app.http;

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
import org.dedup.domain.store.LeadRepository;
import org.dedup.domain.store.SettingsStore;

/** The domain services the HTTP API calls, the tenants' scan schedules, and the installed matchers (for /health). */
public record ApiServices(DuplicateControl control, DuplicateSearch search, ManualMerge manualMerge,
                          Unmerger unmerger, LeadRepository leads, SettingsStore settings, Parties parties,
                          TenantSettings tenantSettings, BulkScans scans,
                          ScanSchedules schedules, RecordMerges merges, ReviewQueue review,
                          SettingsDryRun settingsDryRun, Audited audited, AuditLog audit,
                          Webhooks webhooks, InstalledMatchers matchers) {
}
