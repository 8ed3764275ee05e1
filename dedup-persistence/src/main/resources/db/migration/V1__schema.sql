-- dedup schema: runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
-- Every table and every key starts with tenant_id: no query can reach another tenant's rows by accident.

-- A lead is stored whole (contacts, companies, fields) as one JSON document, so loading a lead with its
-- contacts is one row read; the columns beside it are what queries filter on.
create table lead (
    tenant_id    varchar(64)  not null,
    id           uuid         not null,
    version      bigint       not null,
    pipeline     varchar(128) not null,
    stage        varchar(128) not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    document     text         not null,
    constraint pk_lead primary key (tenant_id, id)
);

-- The match keys a lead is found by; candidate lookup is one index range scan per key.
create table lead_key (
    tenant_id  varchar(64)  not null,
    namespace  varchar(64)  not null,
    key_value  varchar(512) not null,
    lead_id    uuid         not null,
    constraint pk_lead_key primary key (tenant_id, namespace, key_value, lead_id)
);
create index ix_lead_key_lead on lead_key (tenant_id, lead_id);

-- One row per locked key hash; SELECT ... FOR UPDATE on it serialises concurrent arrivals of the same lead.
create table key_lock (
    tenant_id varchar(64) not null,
    key_hash  bigint      not null,
    constraint pk_key_lock primary key (tenant_id, key_hash)
);

create table tenant_settings (
    tenant_id varchar(64) not null,
    settings  text,
    rules     text,
    constraint pk_tenant_settings primary key (tenant_id)
);

create table decision_log (
    tenant_id       varchar(64)  not null,
    id              uuid         not null,
    decided_at      timestamp with time zone not null,
    idempotency_key varchar(128),
    kind            varchar(32)  not null,
    lead_id         uuid         not null,
    document        text         not null,
    constraint pk_decision_log primary key (tenant_id, id),
    constraint uq_decision_idempotency unique (tenant_id, idempotency_key)
);
create index ix_decision_log_time on decision_log (tenant_id, decided_at);

create table merge_journal (
    tenant_id  varchar(64) not null,
    id         uuid        not null,
    merged_at  timestamp with time zone not null,
    kind       varchar(32) not null,
    state      varchar(16) not null,
    survivor   uuid        not null,
    document   text        not null,
    constraint pk_merge_journal primary key (tenant_id, id)
);
create index ix_merge_journal_time on merge_journal (tenant_id, merged_at);

create table activity (
    tenant_id   varchar(64)   not null,
    id          uuid          not null,
    lead_id     uuid          not null,
    kind        varchar(8)    not null,
    text        varchar(4000) not null,
    due_at      timestamp with time zone,
    responsible varchar(128),
    created_at  timestamp with time zone not null,
    constraint pk_activity primary key (tenant_id, id)
);
create index ix_activity_lead on activity (tenant_id, lead_id);
