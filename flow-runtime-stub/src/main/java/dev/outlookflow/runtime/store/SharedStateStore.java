package dev.outlookflow.runtime.store;

import io.vertx.core.Future;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Optional;

/**
 * The state plugins share per connection: under each (connection, plugin, key) a plain value and a sealed
 * one, apart, so that reading one kind never answers the other. The store keeps sealed values as given:
 * sealing is the caller's.
 */
public final class SharedStateStore {
  /** Which of a key's two values; each constant names its column. */
  public enum Kind {
    PLAIN("plain_value"),
    SEALED("sealed_value");

    private final String column;

    Kind(String column) {
      this.column = column;
    }
  }

  private static final String KEY = "connection_id = ? AND plugin_id = ? AND state_key = ?";
  private final Database db;

  public SharedStateStore(Database db) {
    this.db = db;
  }

  public Future<Optional<String>> get(String connectionId, String pluginId, String key, Kind kind) {
    return db.read(sql -> Rows.one(sql, "SELECT " + kind.column + " FROM shared_state WHERE " + KEY + " AND "
        + kind.column + " IS NOT NULL", row -> row.getString(1), connectionId, pluginId, key));
  }

  /** Sets the key's value of this kind, leaving its other kind as it is. */
  public Future<Void> put(String connectionId, String pluginId, String key, Kind kind, String value, long now) {
    String update = "UPDATE shared_state SET " + kind.column + " = ?, updated_at = ? WHERE " + KEY;
    return db.write(sql -> {
      if (Rows.update(sql, update, value, now, connectionId, pluginId, key) == 1) {
        return null;
      }
      Savepoint beforeInsert = sql.setSavepoint();
      try {
        Rows.update(sql, "INSERT INTO shared_state (connection_id, plugin_id, state_key, " + kind.column
            + ", updated_at) VALUES (?, ?, ?, ?, ?)", connectionId, pluginId, key, value, now);
      } catch (SQLException e) {
        if (!Rows.UNIQUE_VIOLATION.equals(e.getSQLState())) {
          throw e;
        }
        // Another flow of the connection inserted the key meanwhile: this write comes after it.
        sql.rollback(beforeInsert);
        Rows.update(sql, update, value, now, connectionId, pluginId, key);
      }
      return null;
    });
  }

  /** Forgets the key, both its values. */
  public Future<Void> remove(String connectionId, String pluginId, String key) {
    return db.update("DELETE FROM shared_state WHERE " + KEY, connectionId, pluginId, key).mapEmpty();
  }

  /** Forgets everything every plugin keeps for the connection; answers how many keys. */
  public Future<Integer> clear(String connectionId) {
    return db.update("DELETE FROM shared_state WHERE connection_id = ?", connectionId);
  }
}
