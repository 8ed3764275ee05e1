-- A tenant's webhooks: where its events are POSTed, signed with the secret (kept as given: signing needs it).
create table webhook (
    tenant_id  varchar(64)              not null,
    id         uuid                     not null,
    url        varchar(2000)            not null,
    secret     varchar(200)             not null,
    created_at timestamp with time zone not null,
    constraint pk_webhook primary key (tenant_id, id)
);

-- The transactional outbox: one row per event and webhook, written by the transaction of the change the event tells
-- of and removed once the receiver accepted it. A dispatcher may take a row when next_attempt_at has come; taking it
-- counts an attempt and pushes next_attempt_at a lease ahead, so a dispatcher that dies leaves it due again later.
-- failed_at is set when the last attempt failed; such rows stay for operators. Removing a webhook removes its rows.
create table event_outbox (
    tenant_id       varchar(64)              not null,
    webhook_id      uuid                     not null,
    event_id        uuid                     not null,
    event_type      varchar(64)              not null,
    body            text                     not null,
    created_at      timestamp with time zone not null,
    attempts        int                      not null,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(1000),
    failed_at       timestamp with time zone,
    constraint pk_event_outbox primary key (tenant_id, webhook_id, event_id),
    constraint fk_event_outbox_webhook foreign key (tenant_id, webhook_id) references webhook (tenant_id, id)
        on delete cascade
);

create index event_outbox_due on event_outbox (tenant_id, next_attempt_at);
