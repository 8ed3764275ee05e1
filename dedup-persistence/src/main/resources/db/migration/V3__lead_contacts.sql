-- A lead's contacts move out of the lead document into their own rows, one per link, with the role and the
-- order they have on the lead. Leads written before this version keep their contacts in the document and are
-- read as before until they are next saved.
create table lead_contact (
    tenant_id  varchar(64)  not null,
    lead_id    uuid         not null,
    position   integer      not null,
    contact_id uuid         not null,
    role       varchar(16)  not null,
    full_name  varchar(512) not null,
    document   text         not null,
    constraint pk_lead_contact primary key (tenant_id, lead_id, position),
    constraint fk_lead_contact_lead foreign key (tenant_id, lead_id) references lead (tenant_id, id) on delete cascade
);
create index ix_lead_contact_contact on lead_contact (tenant_id, contact_id);
