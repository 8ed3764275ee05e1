-- The review queue (issue 18): possible duplicates a person decides on, from pending-review and too-many-matches
-- decisions and from bulk-search groups. One row per item; its records, candidate pairs and the records as last
-- seen are one JSON document. Every key and index starts with tenant_id (issue 23 shards by tenant).
create table review_item (
    tenant_id   varchar(64)  not null,
    id          uuid         not null,
    source      varchar(32)  not null,
    source_id   uuid         not null,
    opened_at   timestamp with time zone not null,
    status      varchar(16)  not null,
    revision    bigint       not null,
    resolved_at timestamp with time zone,
    resolved_by varchar(256),
    detail      varchar(1024),
    document    text         not null,
    constraint pk_review_item primary key (tenant_id, id),
    constraint uq_review_item_source unique (tenant_id, source, source_id)
);
-- the queue as a person works it: one status, in opening order (the cursor's order)
create index ix_review_item_queue on review_item (tenant_id, status, opened_at, id);
-- every status, in opening order
create index ix_review_item_time on review_item (tenant_id, opened_at, id);
