-- State a plugin shares across the flows that use one connection (e.g. the delta cursor of a mailbox folder
-- several flows watch). A key holds a plain value, a sealed one (encrypted with the connection's data key,
-- bound to connection, plugin and key), or both: the two kinds live apart, so a plain read never returns a
-- sealed value. Deleted with the connection, and by the runtime when the connection is disconnected.
CREATE TABLE shared_state (
  connection_id VARCHAR(64) NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
  plugin_id VARCHAR(200) NOT NULL,
  state_key VARCHAR(200) NOT NULL,
  plain_value TEXT,
  sealed_value TEXT,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (connection_id, plugin_id, state_key)
);
