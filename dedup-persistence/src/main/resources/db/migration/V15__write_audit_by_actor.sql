-- GET /v1/audit lists a tenant's writes newest first, often those of one actor (who did what): by tenant, actor and
-- time, as ix_write_audit_time lists them all and ix_write_audit_subject finds those about one subject.
create index ix_write_audit_actor on write_audit (tenant_id, actor, written_at, id);
