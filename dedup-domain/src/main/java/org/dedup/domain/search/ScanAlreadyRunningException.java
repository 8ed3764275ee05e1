package org.dedup.domain.search;

import java.util.UUID;

import org.dedup.domain.model.DedupException;
import org.dedup.domain.model.TenantId;

/** A scan was asked for while the tenant's previous one still runs; it names the running one. */
public final class ScanAlreadyRunningException extends DedupException {
    private final UUID running;

    public ScanAlreadyRunningException(TenantId tenant, UUID running) {
        super("a scan of tenant " + tenant + " is running already: " + running);
        this.running = running;
    }

    public UUID running() {
        return running;
    }
}
