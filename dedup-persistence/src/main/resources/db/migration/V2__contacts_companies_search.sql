-- Stand-alone contacts and companies (the Creatio Contacts and Accounts sections), each found by its own key
-- table, and what bulk duplicate search keeps per tenant. Runs unchanged on PostgreSQL and on H2.

create table contact (
    tenant_id  varchar(64) not null,
    id         uuid        not null,
    full_name  varchar(512) not null,
    document   text        not null,
    constraint pk_contact primary key (tenant_id, id)
);

create table contact_key (
    tenant_id  varchar(64)  not null,
    namespace  varchar(64)  not null,
    key_value  varchar(512) not null,
    contact_id uuid         not null,
    constraint pk_contact_key primary key (tenant_id, namespace, key_value, contact_id)
);
create index ix_contact_key_contact on contact_key (tenant_id, contact_id);

create table company (
    tenant_id  varchar(64)  not null,
    id         uuid         not null,
    name       varchar(512) not null,
    document   text         not null,
    constraint pk_company primary key (tenant_id, id)
);

create table company_key (
    tenant_id  varchar(64)  not null,
    namespace  varchar(64)  not null,
    key_value  varchar(512) not null,
    company_id uuid         not null,
    constraint pk_company_key primary key (tenant_id, namespace, key_value, company_id)
);
create index ix_company_key_company on company_key (tenant_id, company_id);

-- A pair a person marked "not a duplicate", stored in the canonical order of RecordPair.
create table not_duplicate (
    tenant_id   varchar(64) not null,
    first_kind  varchar(16) not null,
    first_id    uuid        not null,
    second_kind varchar(16) not null,
    second_id   uuid        not null,
    constraint pk_not_duplicate primary key (tenant_id, first_kind, first_id, second_kind, second_id)
);

-- The groups of the latest bulk search; position keeps the order the search reported them in.
create table duplicate_group (
    tenant_id varchar(64) not null,
    id        uuid        not null,
    position  integer     not null,
    rules     text        not null,
    constraint pk_duplicate_group primary key (tenant_id, id)
);
create index ix_duplicate_group_position on duplicate_group (tenant_id, position);

create table duplicate_group_member (
    tenant_id   varchar(64) not null,
    group_id    uuid        not null,
    position    integer     not null,
    record_kind varchar(16) not null,
    record_id   uuid        not null,
    constraint pk_duplicate_group_member primary key (tenant_id, group_id, position),
    constraint fk_duplicate_group_member foreign key (tenant_id, group_id)
        references duplicate_group (tenant_id, id) on delete cascade
);
