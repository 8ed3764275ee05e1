-- Who made each write (issue 18): the API key's name or the caller's Dedup-Actor, the action and what it wrote,
-- recorded in the write's transaction. The journals and the decision log are listed a page at a time by time.
create table write_audit (
    tenant_id  varchar(64)  not null,
    id         uuid         not null,
    written_at timestamp with time zone not null,
    actor      varchar(256) not null,
    action     varchar(32)  not null,
    subject    varchar(256) not null,
    constraint pk_write_audit primary key (tenant_id, id)
);
create index ix_write_audit_subject on write_audit (tenant_id, subject);
create index ix_write_audit_time on write_audit (tenant_id, written_at, id);
create index ix_party_merge_journal_time on party_merge_journal (tenant_id, record_kind, merged_at, id);
create index ix_merge_journal_page on merge_journal (tenant_id, merged_at, id);
create index ix_decision_log_page on decision_log (tenant_id, decided_at, id);
