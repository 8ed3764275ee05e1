package org.dedup.domain.model;

/** A record that does not exist in the tenant (or belongs to another tenant, which looks the same). */
public class RecordNotFoundException extends DedupException {
    public RecordNotFoundException(TenantId tenant, RecordRef record) {
        super(record + " does not exist in tenant " + tenant);
    }

    /** Something other than a record, such as a mark or a job, that does not exist; the message names it. */
    public RecordNotFoundException(String message) {
        super(message);
    }
}
