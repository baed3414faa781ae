-- A step's recorded progress changes often while it runs (a send records each of its requests). It lives
-- apart from the step's row, which may hold tens of megabytes of sealed input that H2 would otherwise
-- rewrite on every change.
CREATE TABLE step_states (
  run_id VARCHAR(64) NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  step_id VARCHAR(64) NOT NULL,
  state TEXT NOT NULL,
  PRIMARY KEY (run_id, step_id)
);
INSERT INTO step_states (run_id, step_id, state) SELECT run_id, step_id, state FROM steps WHERE state IS NOT NULL;
ALTER TABLE steps DROP COLUMN state;
