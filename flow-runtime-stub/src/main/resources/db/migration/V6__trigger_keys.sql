-- One run per (flow, key) that a trigger emits with a key: the key and its run are stored in one transaction,
-- and the primary key refuses a second. No foreign key to runs: a run removed by retention must not free its
-- key, or the trigger's next resync would start it again.
CREATE TABLE trigger_keys (
  flow_id VARCHAR(64) NOT NULL REFERENCES flows (id) ON DELETE CASCADE,
  trigger_key VARCHAR(400) NOT NULL,
  run_id VARCHAR(64) NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (flow_id, trigger_key)
);
