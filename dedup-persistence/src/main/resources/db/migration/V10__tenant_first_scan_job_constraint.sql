-- Every key of the schema starts with tenant_id, so the schema distributes by tenant (Citus) or splits by tenant
-- across servers unchanged. The one-running-scan constraint was the exception: it becomes (tenant_id,
-- running_tenant), which refuses a second running scan of a tenant just the same (running_tenant is the tenant
-- while a job runs, null once it ended, and nulls repeat).
alter table scan_job drop constraint uq_scan_job_running;
alter table scan_job add constraint uq_scan_job_running unique (tenant_id, running_tenant);
