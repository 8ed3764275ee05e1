package org.dedup.app.schedule;

import org.dedup.domain.model.DedupException;
import org.dedup.domain.model.TenantId;

/** A tenant's schedule cannot change while a scheduled run of its bulk search is going on. */
public final class ScheduledScanRunningException extends DedupException {
    public ScheduledScanRunningException(TenantId tenant) {
        super("a scheduled scan of tenant " + tenant + " is running; change its schedule when it has ended");
    }
}
