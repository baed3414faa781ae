-- A trigger's key has a time (such as the mail's receivedDateTime) that it prunes its keys by; keys stored
-- before keys had times take the time they were stored.
ALTER TABLE trigger_keys ADD COLUMN key_time BIGINT;
UPDATE trigger_keys SET key_time = created_at;
ALTER TABLE trigger_keys ALTER COLUMN key_time SET NOT NULL;
CREATE INDEX trigger_keys_by_time ON trigger_keys (flow_id, key_time);
-- The key a run was started under, shown with the run (null for a run started without one).
ALTER TABLE runs ADD COLUMN trigger_key VARCHAR(400);
