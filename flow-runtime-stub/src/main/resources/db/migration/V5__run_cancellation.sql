-- A cancellation is stored before it is acted on, so that a run asked to stop is not resumed after a crash.
ALTER TABLE runs ADD COLUMN cancel_requested_at BIGINT;
-- The workspace's run list pages newest first.
CREATE INDEX runs_by_workspace ON runs (workspace_id, seq);
