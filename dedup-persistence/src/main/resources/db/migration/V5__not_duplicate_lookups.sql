-- The records marked "not a duplicate" of one record are looked up from either side of the pair: the primary key
-- serves the first side, this index the second. Runs unchanged on PostgreSQL and on H2.
create index ix_not_duplicate_second on not_duplicate (tenant_id, second_kind, second_id);
