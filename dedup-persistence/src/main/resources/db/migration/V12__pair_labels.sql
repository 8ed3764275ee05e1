-- Answers a person gave to "are these two records one entity?" while labelling pairs for the BIG DATA model
-- (GET /v1/labels/next, POST /v1/labels): one row per pair in its canonical order, a new answer replacing the old.
-- answer is MATCH, NOT_A_MATCH or UNSURE. Runs unchanged on PostgreSQL and on H2.
create table pair_label (
    tenant_id   varchar(64)              not null,
    first_kind  varchar(16)              not null,
    first_id    uuid                     not null,
    second_kind varchar(16)              not null,
    second_id   uuid                     not null,
    answer      varchar(16)              not null,
    labelled_at timestamp with time zone not null,
    constraint pk_pair_label primary key (tenant_id, first_kind, first_id, second_kind, second_id),
    constraint ck_pair_label_answer check (answer in ('MATCH', 'NOT_A_MATCH', 'UNSURE'))
);
