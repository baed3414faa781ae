-- Workspaces and their API keys (only a SHA-256 of each key is stored).
CREATE TABLE workspaces (
  id VARCHAR(64) PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  created_at BIGINT NOT NULL
);
INSERT INTO workspaces (id, name, created_at) VALUES ('default', 'Default', 0);

CREATE TABLE api_keys (
  id VARCHAR(64) PRIMARY KEY,
  workspace_id VARCHAR(64) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  role VARCHAR(20) NOT NULL,
  key_hash VARCHAR(64) NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);

ALTER TABLE connections ADD COLUMN workspace_id VARCHAR(64) DEFAULT 'default' NOT NULL;
ALTER TABLE connections ADD FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE flows ADD COLUMN workspace_id VARCHAR(64) DEFAULT 'default' NOT NULL;
ALTER TABLE flows ADD FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE runs ADD COLUMN workspace_id VARCHAR(64) DEFAULT 'default' NOT NULL;
CREATE INDEX runs_by_finish ON runs (finished_at);

-- Each connection's data key, wrapped by a master key (AES-256-GCM envelope encryption).
CREATE TABLE connection_keys (
  connection_id VARCHAR(64) PRIMARY KEY REFERENCES connections (id) ON DELETE CASCADE,
  master_key_id VARCHAR(64) NOT NULL,
  wrapped_key TEXT NOT NULL
);

-- The data key sealing secret step inputs of unfinished runs, so a crash can resume them.
CREATE TABLE run_keys (
  run_id VARCHAR(64) PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
  master_key_id VARCHAR(64) NOT NULL,
  wrapped_key TEXT NOT NULL
);

-- Run records keep a display copy (secrets redacted, large values truncated); the full values a
-- run needs while unfinished are sealed with its run key, cleared and the key destroyed when it ends.
ALTER TABLE runs ADD COLUMN sealed_event TEXT;
ALTER TABLE steps ADD COLUMN sealed_input TEXT;
ALTER TABLE steps ADD COLUMN sealed_output TEXT;
