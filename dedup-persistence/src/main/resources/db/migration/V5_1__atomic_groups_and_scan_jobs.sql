-- A tenant's duplicate groups are replaced in one transaction that first locks the tenant's row here, so
-- concurrent replacements of one tenant take turns and each leaves one whole set.
create table duplicate_group_set (
    tenant_id    varchar(64) not null,
    replacements bigint      not null,
    constraint pk_duplicate_group_set primary key (tenant_id)
);

-- Bulk scans run in the background, stored so that they outlive the process. running_tenant is the tenant while
-- the job runs and null once it ended: its unique constraint lets a tenant run one scan at a time (nulls repeat).
create table scan_job (
    tenant_id      varchar(64)              not null,
    id             uuid                     not null,
    status         varchar(16)              not null,
    started_at     timestamp with time zone not null,
    finished_at    timestamp with time zone,
    summary        text,
    reason         varchar(1000),
    running_tenant varchar(64),
    constraint pk_scan_job primary key (tenant_id, id),
    constraint uq_scan_job_running unique (running_tenant)
);
