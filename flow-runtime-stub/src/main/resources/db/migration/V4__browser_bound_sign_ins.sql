-- A sign-in is bound to the browser that opened the runtime's sign-in link: the link carries a one-time ticket
-- (its hash kept until opened), and opening it sets a cookie whose hash is kept. An administrator's approval of
-- the app is a sign-in of its own kind. Sign-ins under way before this change cannot be bound: they are dropped.
DELETE FROM sign_ins;
ALTER TABLE sign_ins ADD COLUMN kind VARCHAR(20) DEFAULT 'sign_in' NOT NULL;
ALTER TABLE sign_ins ADD COLUMN ticket_hash VARCHAR(64);
ALTER TABLE sign_ins ADD COLUMN browser_hash VARCHAR(64);
CREATE UNIQUE INDEX sign_ins_by_ticket ON sign_ins (ticket_hash);
CREATE INDEX sign_ins_by_connection ON sign_ins (connection_id);

-- The admin-consent link is built from the runtime's current address when a connection is read, never stored;
-- a sign-in under way is shown beside the status, no longer as a status of its own. Beginning a sign-in used to
-- overwrite any status with pending_sign_in, so what such a connection was before is unknown: it becomes new, and
-- its next token or successful call connects it.
ALTER TABLE connections DROP COLUMN action_url;
UPDATE connections SET status = 'new' WHERE status = 'pending_sign_in';
