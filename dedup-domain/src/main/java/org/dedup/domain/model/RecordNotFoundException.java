package org.dedup.domain.model;

/** A record that does not exist in the tenant (or belongs to another tenant, which looks the same). */
public class RecordNotFoundException extends DedupException {
    public RecordNotFoundException(TenantId tenant, RecordRef record) {
        super(record + " does not exist in tenant " + tenant);
    }
}
