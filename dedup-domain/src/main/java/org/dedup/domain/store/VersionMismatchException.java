package org.dedup.domain.store;

import org.dedup.domain.model.RecordRef;
import org.dedup.domain.model.TenantId;

/**
 * An update named the version it was based on, and the stored record has another: the writer has not seen the
 * latest change, so nothing was written (HTTP: a failed {@code If-Match}, 412).
 */
public final class VersionMismatchException extends StaleRecordException {
    public VersionMismatchException(TenantId tenant, RecordRef record, long expected, long stored) {
        super(tenant, record, "it is at version " + stored + ", not " + expected + " as the update expects");
    }

    /** The stored record is not the one the update was based on (its entity tag differs). */
    public VersionMismatchException(TenantId tenant, RecordRef record) {
        super(tenant, record, "it changed since it was read: it is not the version the update expects");
    }
}
