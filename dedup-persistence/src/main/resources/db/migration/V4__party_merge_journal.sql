-- The journal of contact and company merges: every merged record's before-image, the survivor's after-image and
-- the leads that followed an absorbed record, as JSON, so an unmerge can put each back exactly as it was.
create table party_merge_journal (
    tenant_id   varchar(64) not null,
    id          uuid        not null,
    merged_at   timestamp with time zone not null,
    record_kind varchar(16) not null,
    state       varchar(16) not null,
    survivor    uuid        not null,
    document    text        not null,
    constraint pk_party_merge_journal primary key (tenant_id, id)
);
