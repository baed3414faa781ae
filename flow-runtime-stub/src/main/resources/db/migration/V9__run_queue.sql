-- The engine takes queued runs from the store oldest first, a page at a time: by status, then seq.
CREATE INDEX runs_by_status_seq ON runs (status, seq);
DROP INDEX runs_by_status;
