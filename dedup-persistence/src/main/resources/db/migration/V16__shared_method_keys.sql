-- The email and phone methods now look leads up under the duplicate search's keys (rule_email, rule_phone), which
-- every stored lead has for all of its contacts: their own rows are no longer read.
delete from lead_key where namespace in ('primary_email', 'primary_phone');
-- Each is a prefix of the paging index on the same table (V7_1), which serves every query they served; an arrival
-- no longer updates them.
drop index ix_decision_log_time;
drop index ix_merge_journal_time;
-- The pixel method's keys are named as the duplicate search names keys (it has no duplicate-search key of its own).
update lead_key set namespace = 'rule_pixel' where namespace = 'primary_pixel';
