package org.dedup.app.cli;

import org.dedup.domain.model.TenantId;

import picocli.CommandLine.Option;

/** The {@code --tenant} every command on a tenant's records takes. */
final class TenantOption {
    @Option(names = "--tenant", required = true, description = "the tenant's id")
    String tenant;

    TenantId id() {
        return new TenantId(tenant);
    }
}
