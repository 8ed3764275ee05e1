-- Who sent the request each decision answers (issue 18: the API key's name or the caller's Dedup-Actor; null for
-- decisions without one, and for those logged before this version), and the methods its candidates were found by,
-- as ",email,phone," so the audit filters on one method with a LIKE on ",<id>,". Decisions logged before this version
-- have no methods recorded and no method filter finds them.
alter table decision_log add column actor varchar(256);
alter table decision_log add column methods varchar(2000);

-- A running scan's lease: the server running it renews heartbeat_at while it runs; a server starting, or one finding
-- the tenant busy, ends as interrupted only the running scans whose heartbeat is older than the lease, so a scan
-- another live server runs on the same database is left alone.
alter table scan_job add column heartbeat_at timestamp with time zone;
update scan_job set heartbeat_at = started_at where status = 'running';
