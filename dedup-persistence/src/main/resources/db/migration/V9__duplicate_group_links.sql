-- The direct links inside each duplicate group (the pair, the rule or method that linked it, its score and
-- explanation) as a JSON array. Groups stored before this version have none.
alter table duplicate_group add column links text;
