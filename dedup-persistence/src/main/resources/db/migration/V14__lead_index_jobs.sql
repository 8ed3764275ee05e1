-- The reindex of a tenant's leads for a method it enabled (org.dedup.domain.index.LeadIndexing): one row per tenant
-- and method, the last lead indexed (after_lead, the keyset position of the next page) and the progress. A lead is
-- indexed only for the methods its tenant enables from now on; until now every lead was indexed for every installed
-- matcher, so every method a tenant enables at this upgrade is indexed already: no row, no reindex. A method enabled
-- later gets a row, state INDEXING until its last page, then INDEXED. No index but the key, which starts with the
-- tenant as every index does: the due jobs are read from a table of a row per tenant and method enabled since.
-- Runs unchanged on PostgreSQL and on H2.
create table lead_index_job (
    tenant_id     varchar(64)              not null,
    method        varchar(64)              not null,
    run_id        uuid                     not null,
    state         varchar(16)              not null,
    after_lead    uuid,
    leads_indexed bigint                   not null,
    leads_total   bigint                   not null,
    started_at    timestamp with time zone not null,
    not_before    timestamp with time zone not null,
    finished_at   timestamp with time zone,
    constraint pk_lead_index_job primary key (tenant_id, method),
    constraint ck_lead_index_job_state check (state in ('INDEXING', 'INDEXED'))
);
