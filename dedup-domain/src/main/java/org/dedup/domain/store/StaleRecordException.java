package org.dedup.domain.store;

import org.dedup.domain.model.DedupException;
import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;

/** A record changed since it was read: the write was refused so that no update is lost. */
public class StaleRecordException extends DedupException {
    private final transient RecordRef record;

    public StaleRecordException(TenantId tenant, RecordRef record, long expectedVersion) {
        super(record + " of tenant " + tenant + " changed concurrently (expected version " + expectedVersion + ")");
        this.record = record;
    }

    public StaleRecordException(TenantId tenant, RecordRef record, String why) {
        super(record + " of tenant " + tenant + " cannot be written: " + why);
        this.record = record;
    }

    /** The record that changed. */
    public RecordRef record() {
        return record;
    }
}
