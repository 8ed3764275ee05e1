-- The SHA-256 (hex) of the request a keyed decision answered, so a later request under the same idempotency key
-- can be told a retry from a different request. Decisions recorded before this version have none and are replayed
-- as before.
alter table decision_log add column request_fingerprint varchar(64);
